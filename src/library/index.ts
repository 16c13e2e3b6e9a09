export { createLibrary, type Library, type LibraryAnswer, type LibraryOptions, type LibraryPack, type LibraryQuestion, type LibraryTurn } from './create-library.js';
export { createCatalogue, type Catalogue } from './catalogue.js';
export { packInfoOf, namesOf, type PackInfo } from './pack-info.js';
export { routeQuestion, yearsIn, isBareSwitch, type Routing } from './route.js';
export { compareSides, factOf, type Comparison, type Side } from './compare-reports.js';
export { libraryContextOf, innerContextOf, wrapContext, type LibraryContext } from './library-context.js';
