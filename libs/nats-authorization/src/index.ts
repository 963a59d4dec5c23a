export * from './bus-names';
export * from './permissions';
export * from './render';
export * from './config-files';
