import { benchClassify } from '/work/main/bench/classify.js';
for (const l of await benchClassify()) console.log(l);
