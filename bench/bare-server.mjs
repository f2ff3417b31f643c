// Baseline for the redirect benchmark: bare node:http answering 302 from an in-memory Map of 100k slugs.
import { createServer } from 'node:http';

const map = new Map();
for (let i = 0; i < 100_000; i++) map.set(`/s${i}`, `https://shop.example/p/${i}?ref=bench`);
map.set('/bench', 'https://shop.example/landing?ref=bench');
const server = createServer((req, res) => {
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
