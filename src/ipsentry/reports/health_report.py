"""The health check as a report a provider hands to the enterprise's management (PDF/HTML).

One page of scores first, as a bar chart (with the previous check's scores beside them on a
re-check), then the loopholes with their evidence and the plan. Labels come in English and
Simplified Chinese; the questionnaire's own texts carry their translations.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from jinja2 import Environment, PackageLoader, select_autoescape

from ipsentry.formats.files import atomic_path

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "IP health check", "by": "by", "assessed": "Assessed", "answered": "answered",
        "not_diagnosed": "not yet diagnosed", "prepared": "Prepared", "overall": "overall",
        "unscored": "not in the overall score (none of their rules could be checked)",
        "sections": "Scores by section", "section": "Section", "score": "Score",
        "findings": "Findings", "since": "Since the last check", "loopholes": "Loopholes found",
        "severity": "Severity", "finding": "Finding and evidence", "plan": "Remediation plan",
        "task": "Task", "owner": "Owner", "effort": "Effort", "due": "Due", "status": "Status",
        "package": "Service package", "used": "used", "left": "left", "topics": "Topics",
        "none": "No loophole found in what was answered.", "not_checked": "not checked",
        "improved": "improved", "worse": "worse", "same": "same",
        "not comparable": "not comparable",
        "critical": "critical", "high": "high", "medium": "medium", "low": "low",
        "management": "management", "ip_counsel": "IP counsel", "legal_service": "legal service",
        "todo": "to do", "in_progress": "in progress", "done": "done", "dropped": "dropped",
        "before": "last check", "now": "this check",
        "like_for_like": "Where a section was checked both times, its two bars and its change "
        "since the last check are over the checks made both times; its score counts every check "
        "made this time.",
        "notice": "A diagnosis from the enterprise's answers and its own records on the day "
        "assessed. It points to weak spots and the work that closes them; it is not legal advice "
        "on any one right or dispute.",
    },
    "zh_Hans": {
        "title": "知识产权体检报告", "by": "服务机构：", "assessed": "体检日期", "answered": "已答",
        "not_diagnosed": "尚未诊断", "prepared": "生成时间", "overall": "总分",
        "unscored": "未计入总分（该项规则均无法检查）",
        "sections": "各项得分", "section": "项目", "score": "得分", "findings": "问题数",
        "since": "与上次相比", "loopholes": "发现的问题", "severity": "严重程度",
        "finding": "问题及依据", "plan": "整改计划", "task": "任务", "owner": "负责方",
        "effort": "工作量", "due": "期限", "status": "状态", "package": "法律服务包",
        "used": "已用", "left": "剩余", "topics": "服务内容", "none": "所答内容中未发现问题。",
        "not_checked": "未检查", "improved": "改善", "worse": "变差", "same": "持平",
        "not comparable": "无法比较", "critical": "严重", "high": "高", "medium": "中", "low": "低",
        "management": "企业管理层", "ip_counsel": "知识产权顾问", "legal_service": "法律服务机构",
        "todo": "待办", "in_progress": "进行中", "done": "已完成", "dropped": "已取消",
        "before": "上次体检", "now": "本次体检",
        "like_for_like": "两次体检都检查过的项目，其两条柱形及与上次相比的变化"
        "只按两次都检查的内容计算；得分则按本次的全部检查计算。",
        "notice": "本报告依据企业的答卷及其自身记录在体检当日作出诊断，指出薄弱环节及整改工作，"
        "不构成对任何具体权利或纠纷的法律意见。",
    },
}  # fmt: skip


def score_chart(data: dict[str, Any], labels: dict[str, str]) -> str:
    """Section scores as horizontal bars (SVG, no script), the previous check's in grey.

    Where a section can be compared, both bars are over the checks made both times (as
    the re-check table says), so the bars show change, not a change of questions.
    """
    comparable = [c for c in data["recheck"] if c["before"] is not None]
    before = {c["section"]: c["before"] for c in comparable}
    after = {c["section"]: c["after"] for c in comparable}
    rows = [s for s in data["sections"] if s["score"] is not None]
    bar, left = 300, 190
    gap = (14 if before else 10) + 10
    label = escape(labels["sections"])
    size = f'width="{left + bar + 40}" height="{gap * len(rows) + 24}"'
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" {size} role="img" aria-label="{label}">']
    for i, s in enumerate(rows):
        y = 4 + i * gap
        parts.append(f'<text x="0" y="{y + 9}" font-size="8">{escape(s["title"])}</text>')
        if before.get(s["key"]) is not None:
            parts.append(_bar(left, y, bar * before[s["key"]] / 100, 5, "#bbb"))
            y += 6
        score = after.get(s["key"], s["score"])
        parts.append(_bar(left, y, bar * score / 100, 8, "#2a6"))
        parts.append(f'<text x="{left + bar + 4}" y="{y + 7}" font-size="8">{score}</text>')
    if before:
        y = 8 + gap * len(rows)
        for offset, colour, key in ((0, "#bbb", "before"), (90, "#2a6", "now")):
            parts.append(_bar(left + offset, y, 10, 5, colour))
            text = escape(labels[key])
            parts.append(f'<text x="{left + offset + 14}" y="{y + 5}" font-size="7">{text}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _bar(x: float, y: float, width: float, height: float, colour: str) -> str:
    return f'<rect x="{x:.0f}" y="{y:.0f}" width="{width:.0f}" height="{height}" fill="{colour}"/>'


def render_html(data: dict[str, Any], lang: str = "en") -> str:
    labels = LABELS[lang]
    environment = Environment(
        loader=PackageLoader("ipsentry.reports", "templates"),
        autoescape=select_autoescape(["html"]),
    )
    return environment.get_template("health_report.html").render(
        data=data,
        t=labels,
        lang=lang,
        chart=score_chart(data, labels),
        changes={c["section"]: c for c in data["recheck"]},
        marking=data["marking"].replace("_", " "),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=metadata.version("ipsentry"),
    )


def write_report(data: dict[str, Any], path: Path, lang: str = "en") -> None:
    """Write ``path`` as PDF or HTML by its suffix, whole or not at all."""
    html = render_html(data, lang)
    with atomic_path(path) as temporary:
        if path.suffix.lower() == ".pdf":
            from weasyprint import HTML

            HTML(string=html).write_pdf(str(temporary))
        else:
            temporary.write_text(html, "utf-8")
