/** Prefixes that keep the scope words of a knowledge pack apart from its own concepts. */
export const SCOPE = {
  prefix: 'scope:',
  place: 'scope:place',
  otherPlace: 'scope:other-place',
  topic: 'scope:topic:',
  greeting: 'scope:greeting',
  followUp: 'scope:follow-up',
  yesNo: 'scope:yes-no',
} as const;
