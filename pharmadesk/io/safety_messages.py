"""Backups', restores', checks' and unlocking's messages in Chinese, for the window.

The services word them in English (the command line prints them as they are). As for the
import's errors (error_messages.py), known phrasings are matched whole and their values (a
file name, a page number, an inner reason) kept, the inner reasons translated in turn;
a message not listed here stays in readable English.
"""

from __future__ import annotations

from pharmadesk.io.reasons import Rule, Translators, render, rules

_CHECKS = {
    "encryption": "加密校验",
    "structure": "文件结构",
    "schema": "数据表结构",
    "links": "数据关联",
    "summaries": "销售汇总",
    "points": "积分明细",
    "audit log": "审计日志",
}
_TAILS = rules(
    [
        (r"(?P<head>.+); restore the last backup", "{head}；请用最近的备份恢复"),
        (r"(?P<head>.+); nothing was changed", "{head}；没有做任何改动"),
        (
            r"(?P<head>.+); the database and earlier backups are unchanged",
            "{head}；数据库和以前的备份都没有改动",
        ),
        (r"(?P<head>.+); the log was edited from there on", "{head}；从这里起日志被改动过"),
        (
            r"(?P<head>.+); install the newer version to restore it",
            "{head}；请安装新版本后再恢复",
        ),
        (r"(?P<head>.+); close it first", "{head}；请先关闭它"),
    ]
)
_HEADS = rules(
    [
        (
            r"(?P<name>.+?) is a backup of another pharmacy \((?P<which>.+?)\); move the "
            r"current database aside first to replace it \((?P<files>.+)\)",
            "{name} 是另一家药房（{which}）的备份；要用它替换本药房，请先把当前数据库移到别处"
            "（{files}）",
        ),
        (
            r"(?P<name>.+?) is damaged or incomplete \(its end is missing: was it copied "
            r"completely\?\)",
            "{name} 已损坏或不完整（文件末尾缺失：是否没有复制完整？）",
        ),
        (r"(?P<db>.+?) and its key file (?P<keys>.+?), in (?P<folder>.+)",
         "{db} 及其密钥文件 {keys}，位于 {folder}"),
        (r"the copy fails the structure check: (?P<why>.+)", "副本未通过文件结构检查：{why}"),
        (r"the copy fails the encryption check: (?P<why>.+)", "副本未通过加密校验：{why}"),
        (r"(?P<first>.+), and at least (?P<count>\d+) more problems?",
         "{first}，另有至少 {count} 处问题"),
        (r"(?P<first>.+), and (?P<count>\d+) more problems?", "{first}，另有 {count} 处问题"),
        (r"(?P<name>.+?) is damaged or is not a PharmaDesk database \((?P<why>.+)\)",
         "{name} 已损坏或不是 PharmaDesk 数据库（{why}）"),
        (r"(?P<name>.+?) is damaged \((?P<why>.+)\)", "{name} 已损坏（{why}）"),
        (r"(?P<name>.+?) is damaged", "{name} 已损坏"),
        (r"(?P<name>.+?) is empty \(damaged\)", "{name} 是空文件（已损坏）"),
        (r"no pharmacy database at (?P<path>.+)", "{path} 处没有药房数据库"),
        (r"(?P<name>.+?) is not a PharmaDesk database", "{name} 不是 PharmaDesk 数据库"),
        (r"(?P<name>.+?) is not a PharmaDesk backup", "{name} 不是 PharmaDesk 备份文件"),
        (r"there is no file (?P<path>.+)", "文件 {path} 不存在"),
        (r"(?P<path>.+) is a folder, not a backup file", "{path} 是文件夹，不是备份文件"),
        (r"(?P<name>.+?) was written by a newer PharmaDesk", "{name} 由更新版本的 PharmaDesk 写成"),
        (
            r"(?P<name>.+?) was made by a newer PharmaDesk \(schema (?P<schema>\d+), this "
            r"version knows up to (?P<known>\d+)\)",
            "{name} 由更新版本的 PharmaDesk 制作（数据结构版本 {schema}，本版本最高支持 {known}）",
        ),
        (
            r"the backup folder (?P<folder>.+) is not there \(is the drive connected\?\)",
            "备份文件夹 {folder} 不存在（U 盘或移动硬盘是否已连接？）",
        ),
        (r"cannot write in the backup folder (?P<folder>.+) \((?P<why>.+)\)",
         "无法写入备份文件夹 {folder}（{why}）"),
        (r"cannot create the backup folder (?P<folder>.+) \((?P<why>.+)\)",
         "无法创建备份文件夹 {folder}（{why}）"),
        (r"the backup could not be written to (?P<folder>.+) \((?P<why>.+)\)",
         "备份无法写入 {folder}（{why}）"),
        (r"the backup could not be made \((?P<why>.+)\)", "无法制作备份（{why}）"),
        (r"the backup failed its check \((?P<why>.+)\) and was not kept",
         "备份未通过校验（{why}），没有保留"),
        (r"the backup could not be restored \((?P<why>.+)\)", "备份无法恢复（{why}）"),
        (r"the backup could not be read \((?P<why>.+)\)", "无法读取备份（{why}）"),
        (r"(?P<name>.+?) cannot be opened \((?P<why>.+)\)", "无法打开 {name}（{why}）"),
        (r"(?P<name>.+?) cannot be read \((?P<why>.+)\)", "无法读取 {name}（{why}）"),
        (r"(?P<name>.+?) cannot be read: (?P<why>.+)", "无法读取 {name}：{why}"),
        (r"wrong user name or password", "用户名或密码错误"),
        (r"no password given", "没有输入密码"),
        (r"its checksum does not match", "校验和不符"),
        (r"its key file", "其中的密钥文件损坏"),
        (r"its key file is another pharmacy's", "其中的密钥文件属于另一家药房"),
        (r"its description is incomplete", "说明信息不完整"),
        (r"its time has no time zone", "时间缺少时区"),
        (r"database disk image is malformed", "数据库文件结构损坏"),
        (r"file is not a database", "不是数据库文件"),
        (r"the disk is full", "磁盘已满"),
        (r"no permission to write there", "没有写入权限"),
        (r"No such file or directory", "文件不存在"),
        (r"Permission denied", "没有权限"),
        (
            r"HMAC verification failed for page (?P<page>\d+) \((?P<count>\d+) problem\(s\)\)",
            "第 {page} 页的加密校验失败（共 {count} 处问题）",
        ),
        (
            r"the log has lost its end: event (?P<event>\d+), held by the backup of "
            r"(?P<made>.+?) \((?P<file>.+?)\), is gone; compare with that backup",
            "日志的末尾丢失了：{made} 的备份（{file}）中的审计事件 {event} 已不在；请与该备份核对",
        ),
        (r"audit event (?P<event>\d+) differs from the backup of (?P<made>.+?); the log was edited",
         "审计事件 {event} 与 {made} 的备份不一致；日志被改动过"),
        (r"audit event (?P<event>\d+) was changed after it was written",
         "审计事件 {event} 在写入后被改动过"),
        (r"audit event (?P<event>\d+) (?P<what>.+)", "审计事件 {event}：{what}"),
        (
            r"(?P<table>\w+) row (?P<row>\d+) points to a missing (?P<parent>\w+) "
            r"\((?P<count>\d+) such row\(s\)\)",
            "{table} 表第 {row} 行指向不存在的 {parent}（共 {count} 行）",
        ),
        (r"(?P<what>\S+) is missing", "缺少 {what}"),
        (r"the check could not finish: (?P<why>.+)", "检查未能完成：{why}"),
    ]
)  # fmt: skip


def _inner(text: str) -> str:
    """An inner reason, translated where known and kept as it is otherwise."""
    return localize(text) or text


_TRANSLATORS: Translators = {
    "why": _inner, "head": _inner, "what": _inner, "first": _inner, "files": _inner,
}  # fmt: skip
_PROBLEM: tuple[Rule, ...] = rules([(r"(?P<check>[a-z ]+): (?P<problem>.+)", "{check}：{problem}")])


def localize(message: str) -> str | None:
    """`message` in Chinese, or None when its phrasing is not known here."""
    found = render(message, _TAILS, _TRANSLATORS)
    return found if found is not None else render(message, _HEADS, _TRANSLATORS)


def localize_problem(line: str) -> str:
    """A check's "<check>: <problem>" line in Chinese, as far as its words are known."""
    translators: Translators = {
        "check": lambda name: _CHECKS.get(name, name),
        "problem": _inner,
    }
    return render(line, _PROBLEM, translators) or _inner(line)
