// Writes tests/fixtures/tokenizer-corpus/: 240 texts on which aicost's token counts are compared
// with reference tokenizers (scripts/vendor-tokenizers.mjs writes their counts). The texts are
// hand-written seeds below (prose in English and German, JSON, code, Markdown, Chinese, Japanese,
// emoji, whitespace runs), used alone and cut/joined into mixed texts of varied lengths by a seeded
// PRNG: the output is the same on every run. Each file is `NNN-kind.txt`; the kind is what the
// per-content estimates are checked on.
//
//   node scripts/make-tokenizer-corpus.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'tests/fixtures/tokenizer-corpus');

const SEEDS = {
  'prose-en': [
    'The invoice was refunded on Tuesday, but the customer never received the confirmation e-mail. Could you check whether the payment provider sent the webhook, and if it did, why our queue dropped it?',
    "We moved the nightly export to 02:00 UTC because the warehouse team's reports kept timing out at midnight. Nobody noticed for three weeks, which says something about how often those reports are read.",
    "Summarize the following support ticket in two sentences. Keep the customer's name out of the summary, and say plainly whether the problem is solved.",
    'You are a helpful assistant for a small bookshop. Answer questions about opening hours, orders and returns. If you do not know the answer, say so and offer to forward the question to a person.',
    'It rained all afternoon. By the time the train finally pulled into the station, the platform lights had come on and the kiosk had closed; she bought nothing, and walked home with her collar up.',
    "The committee's report runs to 214 pages, yet its central recommendation fits in one line: publish the data, and let others check the arithmetic.",
    'Please translate the product description below into plain English for a non-technical audience. Avoid jargon, keep it under 80 words, and do not invent features that are not mentioned.',
    'Our latency budget is 300 ms at the 95th percentile. Last week we measured 412 ms on the checkout page, mostly spent waiting for the fraud check, which calls an external API twice per request.',
    'Dear Ms. Okafor, thank you for your letter of 3 March. I am sorry that the replacement part arrived damaged; a new one was shipped this morning by express courier, tracking number 7Q-4411-XZ.',
    'Classify the sentiment of each review as positive, negative or mixed. Reviews: "Great value, fast shipping." "Broke after two days." "Nice design but the battery is weak."',
  ],
  'prose-de': [
    'Sehr geehrte Damen und Herren, leider ist meine Bestellung vom 12. Oktober bis heute nicht angekommen. Könnten Sie bitte prüfen, wo sich das Paket befindet, und mir die Sendungsnummer mitteilen?',
    'Die Straßenbahn fällt wegen Bauarbeiten bis Ende November aus. Fahrgäste werden gebeten, auf die Ersatzbusse auszuweichen, die im Zehn-Minuten-Takt zwischen Hauptbahnhof und Universität verkehren.',
    'Fassen Sie den folgenden Vertragsentwurf in höchstens fünf Stichpunkten zusammen. Weisen Sie ausdrücklich auf Kündigungsfristen, Haftungsausschlüsse und automatische Verlängerungen hin.',
    'Überraschenderweise übertraf die Geschwindigkeitsbegrenzungsüberwachungsanlage alle Erwartungen: Die Zahl der Unfälle auf der Bundesstraße sank im ersten Halbjahr um ein Drittel.',
    'Du bist ein freundlicher Assistent für eine Stadtbibliothek. Beantworte Fragen zu Öffnungszeiten, Ausleihfristen und Mahngebühren. Wenn du etwas nicht weißt, sag es ehrlich.',
    'Gestern Abend saßen wir noch lange auf dem Balkon, tranken Apfelschorle und redeten über alles Mögliche – über Urlaubspläne, über die Nachbarn und darüber, ob man im Winter wirklich grillen sollte.',
  ],
  json: [
    '{"id": "ord_8F2K91", "status": "refunded", "amount": {"value": 129.5, "currency": "EUR"}, "items": [{"sku": "BK-1042", "qty": 2}, {"sku": "PN-7", "qty": 1}], "customer": {"name": "Jana Nováková", "email": "jana@example.cz"}}',
    '{\n  "model": "gpt-4o-mini",\n  "temperature": 0.2,\n  "messages": [\n    {"role": "system", "content": "You are terse."},\n    {"role": "user", "content": "List three primes."}\n  ],\n  "max_tokens": 64\n}',
    '[{"date":"2026-11-01","visits":18234,"bounce":0.412},{"date":"2026-11-02","visits":17011,"bounce":0.398},{"date":"2026-11-03","visits":20540,"bounce":0.377}]',
    '{"type":"function","function":{"name":"get_weather","description":"Current weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["city"]}}}',
    '{\n    "errors": [\n        {\n            "code": "E_RATE_LIMIT",\n            "message": "Too many requests; retry after 30 s",\n            "retry_after_ms": 30000\n        }\n    ],\n    "request_id": "req_01HZX3V7T9"\n}',
    '{"user":{"id":42,"tags":["beta","eu-west-1"],"prefs":{"lang":"de-DE","tz":"Europe/Berlin","notify":false}},"token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.Zq9x"}',
  ],
  code: [
    'export function total(items: { price: number; qty: number }[]): number {\n  return items.reduce((sum, item) => sum + item.price * item.qty, 0);\n}\n',
    'def retry(fn, attempts=3, delay=0.5):\n    """Call fn until it succeeds or attempts run out."""\n    for i in range(attempts):\n        try:\n            return fn()\n        except TimeoutError:\n            time.sleep(delay * 2 ** i)\n    raise RuntimeError("gave up")\n',
    "SELECT c.name, COUNT(o.id) AS orders, SUM(o.total) AS revenue\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= DATE '2026-01-01'\nGROUP BY c.name\nORDER BY revenue DESC\nLIMIT 20;\n",
    "fn parse_line(line: &str) -> Result<(String, u32), ParseError> {\n    let (key, value) = line.split_once('=').ok_or(ParseError::MissingEquals)?;\n    Ok((key.trim().to_owned(), value.trim().parse()?))\n}\n",
    "for f in logs/*.gz; do\n  zcat \"$f\" | grep -E 'HTTP/1\\.[01]\" 5[0-9]{2}' | awk '{print $7}' | sort | uniq -c | sort -rn | head -5\ndone\n",
    'class LRUCache {\n  #map = new Map();\n  constructor(limit = 100) { this.limit = limit; }\n  get(k) { const v = this.#map.get(k); if (v !== undefined) { this.#map.delete(k); this.#map.set(k, v); } return v; }\n}\n',
    'func (s *Server) handle(w http.ResponseWriter, r *http.Request) {\n\tif r.Method != http.MethodPost {\n\t\thttp.Error(w, "method not allowed", 405)\n\t\treturn\n\t}\n\tdefer r.Body.Close()\n}\n',
  ],
  markdown: [
    '# Release notes 2.4\n\n## Added\n\n- `--dry-run` flag for `deploy`\n- Support for **ARM64** runners\n\n## Fixed\n\n1. Crash when the config file is empty (#812)\n2. Wrong timezone in the weekly digest\n',
    '| Model | Input $/M | Output $/M |\n|---|---:|---:|\n| small | 0.15 | 0.60 |\n| large | 2.50 | 10.00 |\n\n> Prices are per million tokens.\n',
    '### How to run\n\n```sh\nnpm ci\nnpm test -- --watch\n```\n\nSee [CONTRIBUTING.md](./CONTRIBUTING.md) for the *style guide* and the ~~old~~ new review rules.\n',
  ],
  zh: [
    '请用三句话总结下面的客户投诉，并说明问题是否已经解决。客户称订单在十月十二日下单，但至今没有收到包裹。',
    '今天下午一直在下雨。火车终于进站的时候，站台上的灯已经亮了，小卖部也关门了。她什么都没买，竖起衣领走回了家。',
    '你是一个书店的智能助手。请回答关于营业时间、订单和退货的问题。如果你不知道答案，请如实说明，并提出将问题转交给工作人员。',
    '北京时间2026年11月5日，该公司发布第三季度财报：营业收入同比增长12.4%，净利润为3.8亿元人民币。',
    '机器学习模型的推理成本主要取决于输入和输出的令牌数量，因此压缩提示词可以显著降低费用。',
  ],
  ja: [
    '昨日の会議で決まったことをまとめてください。特に、納期の変更と追加予算については必ず触れてください。',
    '東京は朝から雨が降っていました。駅に着いたころには、ホームの明かりがすでについていて、売店も閉まっていました。',
    'あなたは小さな本屋のアシスタントです。営業時間、注文、返品についての質問に答えてください。わからない場合は正直にそう伝えてください。',
    'カスタマーサポートへのお問い合わせありがとうございます。ご注文番号（A-20931）の商品は、明日の午前中にお届けする予定です。',
    'プログラムのバグを修正するには、まずエラーメッセージをよく読み、再現手順を確認することが大切です。',
  ],
  emoji: [
    'Shipped! 🚀🎉 Thanks everyone 🙏 — next stop: v3 👀',
    '👨‍👩‍👧‍👦 family plan, 🇩🇪 🇯🇵 🇧🇷 flags, skin tones 👋🏽👋🏿, and a heart ❤️‍🔥',
    'Weather today: ☀️ 24°C, tomorrow 🌧️ 17°C, weekend ⛈️⛈️ — bring an ☂️!',
    '😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘😗☺️😚😙🥲😋😛😜🤪😝🤑🤗🤭',
  ],
  whitespace: [
    'line one\n\n\n\nline five after blank lines\n\t\tindented with tabs\n        indented with eight spaces\n',
    '    \n   \t  \n\n\n          trailing and leading          \n\n',
    'a b  c   d    e     f      g       h        i         j',
    '\r\nWindows line endings\r\nsecond line\r\n\r\nafter a blank one\r\n',
  ],
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20261205);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const kinds = Object.keys(SEEDS);

/** A text of one kind: 1–6 seeds joined (a long text), or a cut of one (a short one). */
function ofKind(kind) {
  const seeds = SEEDS[kind];
  const shape = rand();
  if (shape < 0.25) {
    const s = pick(seeds);
    const chars = [...s];
    const from = Math.floor(rand() * chars.length * 0.5);
    return chars.slice(from, from + 8 + Math.floor(rand() * 60)).join('');
  }
  const n = shape < 0.6 ? 1 : 2 + Math.floor(rand() * 5);
  const sep = kind === 'json' ? ',\n' : kind === 'code' ? '\n' : pick(['\n\n', ' ', '\n']);
  return Array.from({ length: n }, () => pick(seeds)).join(sep);
}

/** A mixed text: a prompt-like mix of 2–5 seeds of different kinds. */
function mixed() {
  const n = 2 + Math.floor(rand() * 4);
  return Array.from({ length: n }, () => pick(SEEDS[pick(kinds)])).join(pick(['\n\n', '\n', ' ']));
}

const texts = [];
// Every seed alone first, so each hand-written text is in the corpus as written.
for (const kind of kinds) for (const s of SEEDS[kind]) texts.push([kind, s]);
while (texts.length < 200) {
  const kind = rand() < 0.2 ? 'mixed' : pick(kinds);
  texts.push([kind, kind === 'mixed' ? mixed() : ofKind(kind)]);
}
// A few long ones (prompt-sized: several KB).
for (let i = 0; i < 40; i++) {
  const kind = pick(['prose-en', 'prose-de', 'json', 'code', 'markdown', 'zh', 'ja', 'mixed']);
  const parts = [];
  while (parts.join('\n').length < 2000 + rand() * 6000) parts.push(kind === 'mixed' ? mixed() : ofKind(kind));
  texts.push([kind, parts.join('\n')]);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
texts.forEach(([kind, text], i) => writeFileSync(join(out, `${String(i).padStart(3, '0')}-${kind}.txt`), text));
console.log(`${readdirSync(out).length} texts in ${out}`);
