// Baselines: bare node:http answering 302 from an in-memory Map of 100k slugs (redirect), and a POST whose JSON body
// is parsed and answered 202 without storing it (collect).
import { createServer } from 'node:http';

const map = new Map();
for (let i = 0; i < 100_000; i++) map.set(`/s${i}`, `https://shop.example/p/${i}?ref=bench`);
map.set('/bench', 'https://shop.example/landing?ref=bench');
const server = createServer((req, res) => {
  if (req.method === 'POST') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c)).on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(202, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"accepted":true}');
    });
    return;
  }
  const to = map.get(req.url);
  if (to) {
    res.writeHead(302, { location: to });
    res.end();
  } else {
    res.writeHead(404);
    res.end();
  }
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));
