export * from './agreements';
export * from './dates';
export * from './mask';
export * from './permissions';
export * from './roles';
export * from './schemas';
export * from './supervision-notes';
export * from './users';
