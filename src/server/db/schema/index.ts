export * from './agreements';
export * from './audit';
export * from './calendar';
export * from './collections';
export * from './master-data';
export * from './organisation';
export * from './refunds';
export * from './users';
