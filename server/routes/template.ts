/**
 * `GET /api/template?kind=monthly|cases&format=csv|xlsx&unit=CODE&month=YYYY-MM` (town, analyst,
 * admin): a template pre-filled with the unit and month. A town's template is always its own
 * unit's (asking for another unit is refused). Its columns are the catalogue of the month's plan
 * (without a month, the current month's); a month no plan takes, or one still to come, is 422
 * naming the plans' months — the upload page offers only the months a unit owes
 * (etl/catalogue/monthsOwed.ts), so a clerk meets this only by typing an address.
 */
import { type Request, type Response, Router } from "express";
import { districtToday } from "../../core/districtTime.ts";
import { templateCatalogue } from "../../etl/catalogue/planSpan.ts";
import { type TemplateKind, templateCsv, templateXlsx } from "../../etl/template.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { principal, requireRole } from "../auth.ts";
import { badRequest, forbidden, HttpError } from "../errors.ts";
import type { ServerContext } from "../serverContext.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function templateRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get(
    "/api/template",
    requireRole("town", "analyst", "admin"),
    async (req: Request, res: Response) => {
      const who = principal(res);
      const kind = (req.query.kind ?? "monthly") as string;
      const format = (req.query.format ?? "csv") as string;
      const unitCode = typeof req.query.unit === "string" && req.query.unit ? req.query.unit : null;
      const month = typeof req.query.month === "string" && req.query.month ? req.query.month : null;
      if (kind !== "monthly" && kind !== "cases")
        throw badRequest("bad_kind", "kind 须为 monthly 或 cases。", "kind must be monthly or cases.");
      if (format !== "csv" && format !== "xlsx")
        throw badRequest("bad_format", "format 须为 csv 或 xlsx。", "format must be csv or xlsx.");
      if (month !== null && !MONTH.test(month)) {
        throw badRequest(
          "bad_month",
          `month 须为 YYYY-MM 格式的月份（收到 ${month}）。`,
          `month must be a month as YYYY-MM (got ${month}).`,
        );
      }
      if (who.role === "town" && unitCode !== null && unitCode !== who.unit) {
        throw forbidden("只能下载本单位的模板。", "You may download your own unit's template only.");
      }
      const code = who.role === "town" ? who.unit : unitCode;
      const unit = code === null ? undefined : ctx.units.find((u) => u.code === code);
      if (code !== null && !unit)
        throw badRequest(
          "unknown_unit",
          `单位名录中没有单位 ${code}。`,
          `The unit registry has no unit ${code}.`,
        );
      const currentMonth = districtToday(ctx.clock()).slice(0, 7);
      const catalogue = templateCatalogue(planPeriods(ctx.plans), month, currentMonth);
      const spans = ctx.plans
        .map((p) => `${p.period.first} — ${p.period.last}`)
        .sort()
        .join(", ");
      if (kind === "monthly" && catalogue === null) {
        throw new HttpError(
          422,
          "month_not_in_plan",
          `没有目标计划包含 ${month} 月（含期间前一个月的基期），无法生成月报模板。目标计划的月份：${spans}。`,
          `No plan covers ${month} (a plan's period or the baseline month just before it); there is no monthly template for it. The plans' months: ${spans}.`,
        );
      }
      if (kind === "monthly" && month !== null && month > currentMonth) {
        throw new HttpError(
          422,
          "future_month",
          `${month} 尚未到来，不能报送该月的数据；请选择 ${currentMonth} 或更早的月份。`,
          `${month} has not come yet and cannot be reported; choose ${currentMonth} or an earlier month.`,
        );
      }
      const options = {
        kind: kind as TemplateKind,
        catalogue: catalogue ?? undefined,
        unit,
        month: month ?? undefined,
      };
      const bytes = format === "csv" ? templateCsv(options) : await templateXlsx(options);
      const label = kind === "cases" ? "台账" : "月报";
      const name = [label, unit?.name_zh, month].filter(Boolean).join("-");
      res.attachment(`${name}.${format}`);
      res.type(format === "csv" ? "text/csv; charset=utf-8" : XLSX).send(Buffer.from(bytes));
    },
  );
  return router;
}
