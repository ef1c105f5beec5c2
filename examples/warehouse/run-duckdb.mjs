#!/usr/bin/env node
// Runs one of the DuckDB queries of this directory with @duckdb/node-api, so a workflow needs only
// Node: node run-duckdb.mjs QUERY.sql [name=value ...]. Each name=value is set as a DuckDB
// variable before the query runs (whole numbers as integers, anything else as text), which is how
// the queries take their input paths and max_samples. Paths resolve from the current directory.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, ...settings] = process.argv.slice(2);
if (!file) {
  console.error('usage: node run-duckdb.mjs QUERY.sql [name=value ...]');
  process.exit(2);
}
const sets = settings.map((arg) => {
  const eq = arg.indexOf('=');
  const name = eq > 0 ? arg.slice(0, eq) : '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    console.error(`run-duckdb: "${arg}" is not name=value`);
    process.exit(2);
  }
  const value = arg.slice(eq + 1);
  const literal = /^\d{1,15}$/.test(value) ? value : `'${value.replaceAll("'", "''")}'`;
  return `SET VARIABLE ${name} = ${literal};`;
});

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  // One statement at a time, so an error names the statement that failed.
  const statements = await connection.extractStatements([...sets, readFileSync(file, 'utf8')].join('\n'));
  for (let i = 0; i < statements.count; i++) await (await statements.prepare(i)).run();
} catch (e) {
  console.error(`run-duckdb: ${file}: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  connection.closeSync();
  instance.closeSync();
}
