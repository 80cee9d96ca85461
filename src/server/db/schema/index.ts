export * from './agreements';
export * from './audit';
export * from './calendar';
export * from './organisation';
export * from './users';
