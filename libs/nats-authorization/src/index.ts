export * from './bus-names';
export * from './permissions';
export * from './render';
