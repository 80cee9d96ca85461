export * from './agreements';
export * from './audit';
export * from './organisation';
export * from './users';
