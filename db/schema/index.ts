export * from './bronze.ts';
export * from './silver.ts';
export * from './gold.ts';
export * from './ops.ts';
export * from './ask.ts';
export * from './stream.ts';
