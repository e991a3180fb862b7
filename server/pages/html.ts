import { escapeHtml } from "../../core/html.ts";

/** A small page: the site's plain look, one stylesheet inline (CSP allows inline styles). */
export function pageShell(lang: "zh" | "en", title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; margin: 0; background: #f5f6f8; color: #1f2328; }
  main { max-width: 28rem; margin: 8vh auto; background: #fff; padding: 2rem 2.25rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  p.sub { color: #57606a; margin: 0 0 1.5rem; }
  label { display: block; font-weight: 600; margin-bottom: .4rem; }
  input[type=password] { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #8c959f; border-radius: 6px; }
  button { margin-top: 1rem; padding: .6rem 1.4rem; font-size: 1rem; border: 0; border-radius: 6px; background: #0b5cad; color: #fff; cursor: pointer; }
  .error { background: #fff0f0; border: 1px solid #d1242f; color: #a40e26; padding: .6rem .8rem; border-radius: 6px; margin-bottom: 1rem; }
  .hint { color: #57606a; font-size: .9rem; margin-top: 1.25rem; }
  nav.lang { text-align: right; font-size: .9rem; }
  a { color: #0b5cad; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
