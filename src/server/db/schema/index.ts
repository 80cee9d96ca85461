export * from './agreements';
export * from './audit';
export * from './calendar';
export * from './master-data';
export * from './organisation';
export * from './users';
