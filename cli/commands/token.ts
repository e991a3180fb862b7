/**
 * `jobtrack token create --role viewer|town|analyst|admin [--unit CODE] [--label TEXT]`,
 * `jobtrack token list`, `jobtrack token revoke <id>`: access tokens for the server. A new token
 * is printed once, alone on the last line (`--format json`: `{ token, role, unit, … }`); only its
 * hash is kept. Works beside a running server (the server runs the command on its database).
 */

import { say } from "../../core/lang.ts";
import {
  CLI_ACTOR,
  createToken,
  isRole,
  listTokens,
  ROLE_NAMES,
  ROLES,
  revokeToken,
} from "../../server/tokens.ts";
import { CliError, usageError } from "../cliError.ts";
import type { Command, CommandArgs } from "../command.ts";
import { withContext } from "../context.ts";
import { formatTable } from "../table.ts";

const USAGE =
  "token create --role viewer|town|analyst|admin [--unit CODE] [--label TEXT] | token list | token revoke <id>";

async function create(args: CommandArgs): Promise<number> {
  const role = args.flags.role as string | undefined;
  const unit = args.flags.unit as string | undefined;
  const label = args.flags.label as string | undefined;
  if (!isRole(role)) {
    throw usageError(
      `请用 --role 指定角色：${ROLES.join("、")}。`,
      `Give the role with --role: ${ROLES.join(", ")}.`,
    );
  }
  if (role === "town" && !unit) {
    throw usageError(
      "街镇报送（town）令牌须用 --unit 指定单位代码。",
      "A town token needs its unit code with --unit.",
    );
  }
  const created = await withContext(args, (ctx) =>
    createToken(
      ctx.db,
      { role, unit: unit ?? null, label: label ?? null },
      ctx.units,
      args.io.now(),
      CLI_ACTOR,
    ),
  );
  if (args.format === "json") {
    args.io.stdout(`${JSON.stringify(created)}\n`);
    return 0;
  }
  const roleName = ROLE_NAMES[created.role];
  const lines = [
    say(
      args.lang,
      `已创建令牌 #${created.token_id}：角色 ${roleName.zh}（${created.role}）${created.unit ? `，单位 ${created.unit}` : ""}${created.label ? `，说明“${created.label}”` : ""}。`,
      `Created token #${created.token_id}: role ${roleName.en}${created.unit ? `, unit ${created.unit}` : ""}${created.label ? `, label "${created.label}"` : ""}.`,
    ),
    say(
      args.lang,
      "令牌只显示这一次（系统只保存其摘要），请立即妥善转交：",
      "The token is shown this once (only its hash is kept); hand it over safely now:",
    ),
    created.token,
  ];
  args.io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

async function list(args: CommandArgs): Promise<number> {
  const tokens = await withContext(args, (ctx) => listTokens(ctx.db));
  if (args.format === "json") {
    args.io.stdout(`${JSON.stringify(tokens)}\n`);
    return 0;
  }
  const headers =
    args.lang === "zh"
      ? ["编号", "角色", "单位", "说明", "创建时间", "状态"]
      : ["id", "role", "unit", "label", "created", "status"];
  const rows = tokens.map((t) => [
    t.token_id,
    t.role,
    t.unit,
    t.label,
    t.created_at,
    t.revoked_at
      ? say(args.lang, `已撤销 ${t.revoked_at}`, `revoked ${t.revoked_at}`)
      : say(args.lang, "有效", "active"),
  ]);
  args.io.stdout(formatTable(headers, rows, [true]));
  args.io.stdout(say(args.lang, `（共 ${tokens.length} 个令牌）\n`, `(${tokens.length} tokens)\n`));
  return 0;
}

async function revoke(args: CommandArgs): Promise<number> {
  const text = args.positionals[1];
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id < 1) {
    throw usageError(
      "请给出要撤销的令牌编号：token revoke <编号>。",
      "Name the token to revoke: token revoke <id>.",
    );
  }
  const revoked = await withContext(args, (ctx) => revokeToken(ctx.db, id, args.io.now(), CLI_ACTOR));
  if (!revoked) throw new CliError(1, `没有编号为 ${id} 的令牌。`, `There is no token with id ${id}.`);
  if (args.format === "json") args.io.stdout(`${JSON.stringify(revoked)}\n`);
  else {
    args.io.stdout(
      say(
        args.lang,
        `令牌 #${id} 已撤销（${revoked.revoked_at}），其登录会话已全部结束。\n`,
        `Token #${id} is revoked (${revoked.revoked_at}); its login sessions have ended.\n`,
      ),
    );
  }
  return 0;
}

export const token: Command = {
  name: "token",
  usage: USAGE,
  summary: {
    zh: "管理访问令牌：创建（仅显示一次）、列出、撤销",
    en: "manage access tokens: create (shown once), list, revoke",
  },
  options: { role: { type: "string" }, unit: { type: "string" }, label: { type: "string" } },
  async run(args) {
    const action = args.positionals[0];
    if (action === "create") return create(args);
    if (action === "list") return list(args);
    if (action === "revoke") return revoke(args);
    throw usageError(`用法：jobtrack ${USAGE}`, `Usage: jobtrack ${USAGE}`);
  },
};
