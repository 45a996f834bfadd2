"""Errors in the user's language: the import engine's (for the wizard and the import
history) here, those of backups, restores, checks and unlocking in safety_messages.py.

The engine raises them in English (the command line prints them as they are). As for row
reasons (io/reasons.py), known phrasings are matched whole and their values (a file name, a
size, a line number) kept; an error not listed here stays in readable English.
"""

from __future__ import annotations

import re

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import safety_messages
from pharmadesk.io.files import UnreadableFile
from pharmadesk.io.reasons import Translators, render, rules

_KINDS = {
    "a web page or XML file": "网页或 XML 文件",
    "a text file": "文本文件",
    "a file of another kind": "其他类型的文件",
}
# What the system says when a file cannot be opened (anything else is kept as it is).
_OS_ERRORS = {
    "No such file or directory": "文件不存在",
    "Permission denied": "没有权限",
    "Is a directory": "这是一个文件夹",
}
_CELLS = rules(
    [
        (
            r'a cell of row (?P<row>\d+) on sheet "(?P<sheet>.+)"',
            "工作表“{sheet}”第{row}行的一个单元格",
        ),
        (r"a cell of the record on line (?P<line>\d+)", "第{line}行记录中的一个单元格"),
        (
            r"cell (?P<column>\d+) of the record on line (?P<line>\d+)",
            "第{line}行记录中的第{column}个单元格",
        ),
    ]
)
_AGAIN = "open it in Excel or WPS and save it again"
_SAVE_AGAIN = "请在 Excel 或 WPS 中打开后重新保存"
# What follows the file's name in an UnreadableFile (io/files.py).
_FILE_RULES = rules(
    [
        (r'has no data: sheet "(?P<sheet>.+)" has no rows', "没有数据：工作表“{sheet}”没有任何行"),
        (r"has no data: it has no rows", "没有数据：文件中没有任何行"),
        (r"has no data: it has no sheets", "没有数据：文件中没有工作表"),
        (
            r"is not a file that can be imported: use \.xlsx, \.xls, \.ods or \.csv",
            "不是可以导入的文件：请使用 .xlsx、.xls、.ods 或 .csv 文件",
        ),
        (r"cannot be opened \((?P<os>.+)\)", "无法打开（{os}）"),
        (r"is empty \(0 bytes\)", "是空文件（0 字节）"),
        (
            r"is (?P<size>[\d,.]+ MB), more than the (?P<limit>[\d,.]+ MB) an import can take",
            "大小为 {size}，超过了导入上限 {limit}",
        ),
        (
            r"is protected by a password: remove it in Excel or WPS and save again",
            "设有密码保护：请在 Excel 或 WPS 中取消密码后重新保存",
        ),
        (
            r"is not a spreadsheet but (?P<kind>.+) with a spreadsheet name;"
            r" open it in Excel or WPS and save it as \.xlsx",
            "不是电子表格，而是用了电子表格扩展名的{kind}；请在 Excel 或 WPS 中打开并另存为 .xlsx",
        ),
        (
            r"has a sheet that spans too many cells; delete stray cells far from the data",
            "有一个工作表占用的单元格过多；请删除远离数据的零散单元格",
        ),
        (r"is damaged and cannot be read; " + _AGAIN, "已损坏，无法读取；" + _SAVE_AGAIN),
        (
            r"is cut short \(an incomplete copy or download\); copy the file again",
            "不完整（复制或下载未完成）；请重新复制此文件",
        ),
        (
            r'has no sheet named "(?P<wanted>.+)"; its sheets are: (?P<listed>.+)',
            "没有名为“{wanted}”的工作表；其中的工作表有：{listed}",
        ),
        (
            r'has (?P<rows>[\d,]+) rows on sheet "(?P<sheet>.+)", more than the (?P<limit>[\d,]+)'
            r" an import can take; delete stray cells below the data",
            "的工作表“{sheet}”有 {rows} 行，超过了导入上限 {limit} 行；请删除数据下方的零散单元格",
        ),
        (
            r'has a sheet "(?P<sheet>.+)" that reaches cell (?P<corner>[A-Z]+\d+), too large a grid'
            r" to read; delete stray cells far right of or below the data",
            "的工作表“{sheet}”延伸到单元格 {corner}，范围太大，无法读取；"
            "请删除数据右侧或下方远处的零散单元格",
        ),
        (
            r"is damaged: (?P<cell>.+) is longer than a spreadsheet cell can hold",
            "已损坏：{cell}超出了电子表格单元格能容纳的长度",
        ),
        (r"is a zip archive, not a spreadsheet", "是一个 ZIP 压缩包，不是电子表格"),
        (
            r"unpacks to more than (?P<size>[\d,.]+ MB), which no registration sheet needs;"
            r" it was refused as unsafe",
            "解压后超过 {size}，登记表不会有这么大；出于安全考虑已拒绝",
        ),
        (
            r"unpacks absurdly far, which no registration sheet needs; it was refused as unsafe",
            "解压后大得离谱，登记表不会有这么大；出于安全考虑已拒绝",
        ),
        (
            r"is damaged and cannot be unpacked; open it in Excel or WPS and save again",
            "已损坏，无法解压；" + _SAVE_AGAIN,
        ),
        (r"holds XML that is not valid", "包含无效的 XML"),
        (
            r"holds XML with a document type declaration, which spreadsheets never use;"
            r" it was refused as unsafe",
            "包含带文档类型声明的 XML，电子表格从不使用它；出于安全考虑已拒绝",
        ),
        (
            r"has more than the (?P<limit>[\d,]+) rows an import can take",
            "的行数超过了导入上限 {limit} 行",
        ),
        (
            r"is not valid CSV from line (?P<line>\d+) \(a quote is not closed, or text follows"
            r" a closing quote\); " + _AGAIN,
            "从第{line}行起不是有效的 CSV（引号没有闭合，或闭合的引号后还有文字）；" + _SAVE_AGAIN,
        ),
        (
            r"is not a CSV text file; if it is a workbook, give it its real extension",
            "不是 CSV 文本文件；如果它是工作簿，请改回它真正的扩展名",
        ),
        (
            r"is not a CSV text file \(its text is neither UTF-8 nor GBK\)",
            "不是 CSV 文本文件（其文字既不是 UTF-8 也不是 GBK 编码）",
        ),
    ]
)


def _sheet_list(text: str) -> str:
    """'"会员", "备用"' -> '“会员”、“备用”'; 'none' -> '无'."""
    if text == "none":
        return "无"
    if text.startswith('"') and text.endswith('"'):
        return "“" + text[1:-1].replace('", "', "”、“") + "”"
    return text


_FILE_TRANSLATORS: Translators = {
    "kind": _KINDS.get,
    "os": lambda text: _OS_ERRORS.get(text, text),
    "listed": _sheet_list,
    "cell": lambda text: render(text, _CELLS, {}),
}
# The other errors of the import engine and of what the wizard does on the way.
# The role table's refusals (services/permissions.py WHAT), as a role at the counter reads them.
_REFUSED = {
    "use the counter": "您的角色不能使用柜台功能",
    "create or edit customers": "您的角色不能新建或修改客户",
    "see or change health data": "只有店主和药师可以查看或修改健康信息",
    "import": "您的角色不能导入",
    "use reminders": "您的角色不能使用提醒",
    "merge or unmerge customers": "只有店主和药师可以合并或拆分客户",
    "export personal data": "只有店主可以导出个人信息",
    "see charts and the month report": "只有店主和药师可以查看图表和月报",
    "erase or anonymise a customer": "只有店主可以删除或匿名化客户",
    "manage accounts, custom fields or settings": "只有店主可以管理账户、自定义字段和设置",
    "make backups": "您的角色不能备份",
    "restore a backup": "只有店主可以恢复备份",
    "see the audit log": "只有店主可以查看审计日志",
    "correct points by hand": "只有店主和药师可以手动调整积分",
    "sell a controlled medicine over the per-sale limit": "超过每次限购数量须由店主或药师批准",
    "see ID numbers in the real-name register": "只有店主可以查看实名登记中的完整身份证号",
}

_ERROR_RULES = rules(
    [
        (
            r"(?P<name>.+): no header row found \(姓名, 手机 …\)",
            "“{name}”：找不到标题行（姓名、手机……）",
        ),
        (
            r"(?P<name>.+): no column of names found; a card file needs one \(姓名\)",
            "“{name}”：找不到姓名列；登记卡文件必须有一列姓名",
        ),
        (
            r"(?P<name>.+): no header row found \(日期, 手机, 金额 …\)",
            "“{name}”：找不到标题行（日期、手机、金额……）",
        ),
        (
            r"(?P<name>.+): purchase lines need a member code or mobile column and an amount"
            r" \(金额\) or unit price \(单价\) column",
            "“{name}”：购药记录需要一列会员号或手机号，以及一列金额或单价",
        ),
        (
            r"(?P<name>.+) was imported before \(batch (?P<batch>\d+)\); nothing was imported\."
            r" Import it again only on purpose \(--again\)",
            "“{name}”以前导入过（批次 {batch}），本次未导入任何数据。除非确有需要，请勿再次导入",
        ),
        (r"the import was cancelled; nothing was written", "导入已取消，未写入任何数据"),
        (r"batch (?P<batch>\d+) was undone already", "批次 {batch} 已经撤销过了"),
        (r"no import batch (?P<batch>\d+)", "没有批次 {batch}"),
        *(
            (rf"the (?:owner|pharmacist|staff) role may not {re.escape(what)}", chinese)
            for what, chinese in _REFUSED.items()
        ),
        (r"a custom field needs a label", "自定义字段需要一个名称"),
        (
            r"invalid input \(redeem: the customer has (?P<have>\d+) points; "
            r"(?P<asked>\d+) asked\)",
            "客户现有 {have} 积分，不能抵扣 {asked} 积分",
        ),
        (
            r"invalid input \(redeem: the points are worth more than the receipt\)",
            "抵扣的积分超过了小票金额",
        ),
        (
            r"the PC's date \((?P<day>[\d-]+)\) is more than a year after the pharmacy was "
            r"last used \((?P<last>[\d-]+)\); check the clock: no points were expired",
            "电脑日期（{day}）比上次使用本药房（{last}）晚了一年多，请检查电脑时钟：未处理积分过期",
        ),
        (
            r"invalid input \(points: the customer has (?P<have>\d+) points; (?P<taken>\d+) "
            r"cannot be taken\)",
            "客户现有 {have} 积分，不能扣除 {taken} 积分",
        ),
    ]
)


def localize_error(error: PharmaDeskError, language: str) -> str:
    """The error's message in `language` ('zh_CN' or 'en'); unknown ones as they are."""
    message = error.message
    if language != "zh_CN":
        return message
    if isinstance(error, UnreadableFile):
        name = error.path.name
        prefix = f'"{name}" '
        if message.startswith(prefix) and message.endswith("."):
            found = render(message[len(prefix) : -1], _FILE_RULES, _FILE_TRANSLATORS)
            return message if found is None else f"“{name}”{found}。"
    found = render(message, _ERROR_RULES, {})
    if found is None:
        found = safety_messages.localize(message)
    return message if found is None else found + "。"
