/**
 * Security headers on every response: a Content-Security-Policy that allows only this origin
 * (inline style attributes are allowed, as the dashboard's charts are SVG with inline styles; no
 * inline script), no MIME sniffing, no framing, the referrer kept within the site, and API
 * answers never cached. A request that came over https (directly, or through a trusted proxy that
 * says so) also gets Strict-Transport-Security, so the browser never falls back to plain http and
 * the Secure session cookie is never offered to an http page of the same host.
 */
import type { RequestHandler } from "express";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader("Content-Security-Policy", CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  if (req.path.startsWith("/api/") || req.path === "/login" || req.path === "/logout") {
    res.setHeader("Cache-Control", "no-store");
  }
  next();
};
