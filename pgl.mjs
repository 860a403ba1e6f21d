import { PGlite } from '@electric-sql/pglite';
import { writeFileSync, readFileSync } from 'node:fs';
let t = Date.now();
const pg = new PGlite();
await pg.query('create table a(x int)');
console.log('fresh', Date.now()-t);
t = Date.now();
const dump = await pg.dumpDataDir('none');
writeFileSync('/tmp/tpl.tar', Buffer.from(await dump.arrayBuffer()));
console.log('dump', Date.now()-t, dump.size);
for (let i=0;i<3;i++){
t = Date.now();
const pg2 = new PGlite({ loadDataDir: new Blob([readFileSync('/tmp/tpl.tar')]) });
await pg2.query('select * from a');
console.log('load', Date.now()-t);
}
t = Date.now();
const pg3 = new PGlite('/tmp/pgdir'); await pg3.query('select 1'); await pg3.close();
console.log('dir first', Date.now()-t);
t = Date.now();
const pg4 = new PGlite('/tmp/pgdir'); await pg4.query('select 1'); await pg4.close();
console.log('dir again', Date.now()-t);
