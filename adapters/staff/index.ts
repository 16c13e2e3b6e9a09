/**
 * The staff side: the console at /staff (what citizens asked, what the bot could not answer,
 * feedback, a fact sheet, the why view) and `npm run staff` in the terminal.
 */
export { registerStaffRoutes, type StaffOptions } from './staff-routes.js';
