import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Source } from "./scheduleConfig.ts";
import { type ScheduleFixture, scheduleFixture, YINGPU } from "./scheduleFixture.ts";
import { readScheduleState } from "./scheduleState.ts";
import { deliveredName, fetchUrlSource, ownSite } from "./urlSource.ts";

let f: ScheduleFixture | null = null;
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  await f?.close();
  f = null;
});

const MB = 10 * 1024 * 1024;
const REPORT = "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,120\n";

interface Published {
  status?: number;
  body: string;
  etag?: string | null;
  lastModified?: string | null;
  disposition?: string | null;
}

/** A town's system on 127.0.0.1: serves `published`, honours If-None-Match, records each request. */
async function townServer(published: Published): Promise<{ url: string; requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    requests.push(req.headers);
    if (published.status && published.status !== 200) {
      res.writeHead(published.status).end("down");
      return;
    }
    if (published.etag && req.headers["if-none-match"] === published.etag) {
      res.writeHead(304, { ETag: published.etag }).end();
      return;
    }
    const headers: Record<string, string> = { "Content-Type": "text/csv; charset=utf-8" };
    if (published.etag) headers.ETag = published.etag;
    if (published.lastModified) headers["Last-Modified"] = published.lastModified;
    if (published.disposition) headers["Content-Disposition"] = published.disposition;
    res.writeHead(200, headers).end(published.body);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/exports/latest.csv`, requests };
}

function urlSource(fx: ScheduleFixture, url: string): Extract<Source, { kind: "url" }> {
  return { kind: "url", name: "yingpu-system", unit: fx.unit(YINGPU), url, headers: { "X-Key": "k1" } };
}

describe("URL source", () => {
  it("ingests the body, then a fetch with If-None-Match gets 304 and adds no submission", async () => {
    f = await scheduleFixture();
    const published: Published = {
      body: REPORT,
      etag: '"v1"',
      disposition: "attachment; filename*=UTF-8''%E7%9B%88%E6%B5%A68%E6%9C%88.csv",
    };
    const town = await townServer(published);
    const source = urlSource(f, town.url);
    const stateFile = join(f.dir, "state.json");
    let accepted = 0;
    const options = { stateFile, maxBytes: MB, onAccepted: () => accepted++ };

    const first = await fetchUrlSource(f.env, source, options);
    expect(first).toMatchObject({
      status: "ingested",
      fileName: "盈浦8月.csv",
      result: { status: "accepted" },
    });
    expect(town.requests[0]["if-none-match"]).toBeUndefined();
    expect(town.requests[0]["x-key"]).toBe("k1");
    expect(readScheduleState(stateFile).urls[`${YINGPU} ${town.url}`]).toMatchObject({ etag: '"v1"' });

    const second = await fetchUrlSource(f.env, source, options);
    expect(second).toEqual({ status: "not_modified" });
    expect(town.requests[1]["if-none-match"]).toBe('"v1"');
    expect(await f.submissions()).toHaveLength(1);
    expect(accepted).toBe(1);

    published.body = REPORT.replace("120", "125");
    published.etag = '"v2"';
    const third = await fetchUrlSource(f.env, source, options);
    expect(third).toMatchObject({ status: "ingested", result: { status: "accepted" } });
    expect(await f.submissions()).toMatchObject([{ status: "superseded" }, { status: "accepted" }]);
  });

  it("sends If-Modified-Since, and a body equal to the last one is not ingested again", async () => {
    f = await scheduleFixture();
    const town = await townServer({ body: REPORT, lastModified: "Thu, 15 Sep 2022 01:00:00 GMT" });
    const source = urlSource(f, town.url);
    const options = { stateFile: join(f.dir, "state.json"), maxBytes: MB };
    expect(await fetchUrlSource(f.env, source, options)).toMatchObject({
      status: "ingested",
      fileName: "latest.csv",
    });
    expect(await fetchUrlSource(f.env, source, options)).toEqual({ status: "same_body" });
    expect(town.requests[1]["if-modified-since"]).toBe("Thu, 15 Sep 2022 01:00:00 GMT");
    expect(await f.submissions()).toHaveLength(1);
  });

  it("an error answer fails the fetch (to be retried) and changes nothing", async () => {
    f = await scheduleFixture();
    const town = await townServer({ status: 503, body: "" });
    const options = { stateFile: join(f.dir, "state.json"), maxBytes: MB };
    await expect(fetchUrlSource(f.env, urlSource(f, town.url), options)).rejects.toThrow(/HTTP 503/);
    expect(readScheduleState(options.stateFile).urls).toEqual({});
    expect(await f.submissions()).toEqual([]);
  });

  it("a body over the size limit is refused unread", async () => {
    f = await scheduleFixture();
    const town = await townServer({ body: REPORT.repeat(100), etag: '"big"' });
    const result = await fetchUrlSource(f.env, urlSource(f, town.url), {
      stateFile: join(f.dir, "state.json"),
      maxBytes: 200,
    });
    expect(result).toMatchObject({
      status: "ingested",
      result: { status: "rejected", errors: [{ code: "too_large" }] },
    });
  });

  describe("redirects", () => {
    const extra: Server[] = [];
    afterEach(async () => {
      for (const s of extra.splice(0)) await new Promise<void>((resolve) => s.close(() => resolve()));
    });

    /** A server on 127.0.0.1 answering by path: a redirect (to a path or a full address) or the report. */
    async function site(routes: Record<string, string | null>) {
      const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
      const s = createServer((req, res) => {
        requests.push({ path: req.url ?? "", headers: req.headers });
        const to = routes[req.url ?? ""];
        if (to === undefined) res.writeHead(404).end();
        else if (to === null) res.writeHead(200, { "Content-Type": "text/csv" }).end(REPORT);
        else res.writeHead(302, { Location: to }).end();
      });
      extra.push(s);
      await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
      return { origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, requests };
    }

    const options = () => ({ stateFile: join(f!.dir, "state.json"), maxBytes: MB });

    it("a redirect to another origin is refused for a source with headers; the other site hears nothing", async () => {
      f = await scheduleFixture();
      const elsewhere = await site({ "/collect": null });
      const town = await site({ "/latest.csv": `${elsewhere.origin}/collect` });
      const source = urlSource(f, `${town.origin}/latest.csv`);
      await expect(fetchUrlSource(f.env, source, options())).rejects.toThrow(
        `redirects to another site, ${elsewhere.origin}; it was not followed`,
      );
      expect(town.requests.map((r) => r.headers["x-key"])).toEqual(["k1"]);
      expect(elsewhere.requests).toEqual([]);
      expect(await f.submissions()).toEqual([]);
    });

    it("a source without headers follows a redirect to another origin", async () => {
      f = await scheduleFixture();
      const elsewhere = await site({ "/collect": null });
      const town = await site({ "/latest.csv": `${elsewhere.origin}/collect` });
      const source = { ...urlSource(f, `${town.origin}/latest.csv`), headers: {} };
      const fetched = await fetchUrlSource(f.env, source, options());
      expect(fetched).toMatchObject({ status: "ingested", result: { status: "accepted" } });
      expect(elsewhere.requests.map((r) => [r.path, r.headers["user-agent"]])).toEqual([
        ["/collect", "jobtrack-scheduler"],
      ]);
    });

    it("a redirect within the source's origin keeps its headers", async () => {
      f = await scheduleFixture();
      const town = await site({ "/old.csv": "/exports/latest.csv", "/exports/latest.csv": null });
      const fetched = await fetchUrlSource(f.env, urlSource(f, `${town.origin}/old.csv`), options());
      expect(fetched).toMatchObject({ status: "ingested", fileName: "old.csv" });
      expect(town.requests.map((r) => [r.path, r.headers["x-key"]])).toEqual([
        ["/old.csv", "k1"],
        ["/exports/latest.csv", "k1"],
      ]);
    });

    it("counts the same host moved from http to https as the source's own site, and nothing else", () => {
      const home = new URL("http://zjj.example.gov.cn/jobtrack/monthly.csv");
      const own = (url: string) => ownSite(new URL(url), home);
      expect(own("http://zjj.example.gov.cn/other.csv")).toBe(true);
      expect(own("https://zjj.example.gov.cn/jobtrack/monthly.csv")).toBe(true);
      expect(own("https://zjj.example.gov.cn:8443/monthly.csv")).toBe(false);
      expect(own("http://zjj.example.gov.cn:8080/monthly.csv")).toBe(false);
      expect(own("http://files.example.gov.cn/monthly.csv")).toBe(false);
      expect(ownSite(new URL("http://zjj.example.gov.cn/"), new URL("https://zjj.example.gov.cn/"))).toBe(
        false,
      );
    });

    it("gives up after five redirects", async () => {
      f = await scheduleFixture();
      const town = await site({ "/a": "/b", "/b": "/a" });
      await expect(fetchUrlSource(f.env, urlSource(f, `${town.origin}/a`), options())).rejects.toThrow(
        /more than 5/,
      );
      expect(town.requests.length).toBe(6);
    });
  });

  it("deliveredName reads Content-Disposition, else the URL's last segment", () => {
    expect(deliveredName('attachment; filename="a b.csv"', "http://x/y.csv", "f.csv")).toBe("a b.csv");
    expect(deliveredName(null, "http://x/dir/%E6%9C%88%E6%8A%A5.xlsx?x=1", "f.csv")).toBe("月报.xlsx");
    expect(deliveredName("attachment; filename=../../etc/passwd", "http://x/", "f.csv")).toBe("passwd");
    expect(deliveredName(null, "http://x/", "f.csv")).toBe("f.csv");
  });
});
