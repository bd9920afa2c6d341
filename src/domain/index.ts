export * from './priority';
export * from './categories';
export * from './status';
export * from './reference';
export * from './counties';
export * from './incident-time';
export * from './limits';
export * from './help-numbers';
