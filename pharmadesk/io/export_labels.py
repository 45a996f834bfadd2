"""The Excel export's words in the UI language: sheet names, headers and coded values.

Like `reasons.py`, a plain table, so io/ speaks the user's language without Qt. Field keys
are the model's own (the JSON names of DESIGN.md); English headers are those keys made
readable. Coded values (consents, channels …) are words in Chinese and stay the documented
codes in English, so a script reading an English export sees the same values as the JSON.
"""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
# What an export can hold, in workbook order (here, not in export.py, so the command line
# can offer them without loading the xlsx writer at start-up).
WHAT = ("customers", "purchases", "interactions", "analytics")
DEFAULT_WHAT = ("customers",)

SHEETS = {
    "customers": ("客户", "customers"),
    "purchases": ("购药记录", "purchases"),
    "interactions": ("沟通记录", "interactions"),
    "kpis": ("关键指标", "KPIs"),
    "months": ("月度趋势", "months"),
    "segments": ("客户分群", "segments"),
    "stages": ("生命周期", "lifecycle stages"),
    "top_products": ("热销商品", "top products"),
    "top_categories": ("热销品类", "top categories"),
}

HEADERS = {
    # customers
    "id": ("编号", "id"),
    "code": ("会员号", "member code"),
    "name": ("姓名", "name"),
    "gender": ("性别", "gender"),
    "birth_date": ("出生日期", "birth date"),
    "mobile": ("手机", "mobile"),
    "birth_year": ("出生年份", "birth year"),
    "birth_date_approximate": ("生日为估计", "birth date approximate"),
    "phone": ("其他电话", "other phone"),
    "email": ("邮箱", "email"),
    "address": ("地址", "address"),
    "postal_code": ("邮编", "postal code"),
    "preferences": ("偏好", "preferences"),
    "allergies": ("过敏史", "allergies"),
    "chronic_conditions": ("慢性病", "chronic conditions"),
    "notes": ("备注", "notes"),
    "consent_data": ("个人信息同意", "data consent"),
    "consent_health": ("健康信息同意", "health data consent"),
    "consent_marketing": ("营销同意", "marketing consent"),
    "guardian_name": ("监护人姓名", "guardian name"),
    "guardian_mobile": ("监护人手机", "guardian mobile"),
    "status": ("状态", "status"),
    "points": ("积分", "points"),
    "purchase_count": ("购买次数", "purchase count"),
    "total_spend": ("累计消费", "total spend"),
    "last_purchase": ("最近购买", "last purchase"),
    "source": ("来源", "source"),
    "created_at": ("建档时间", "created"),
    "updated_at": ("更新时间", "updated"),
    "last_verified_at": ("最近核实", "last verified"),
    "last_active_on": ("最近活动", "last active"),
    # purchases and interactions
    "purchased_at": ("购买时间", "purchased at"),
    "receipt": ("小票号", "receipt"),
    "customer_code": ("会员号", "member code"),
    "customer_name": ("客户姓名", "customer name"),
    "product": ("药品名称", "product"),
    "specification": ("规格", "specification"),
    "category": ("类别", "category"),
    "quantity": ("数量", "quantity"),
    "unit_price": ("单价", "unit price"),
    "amount": ("金额", "amount"),
    "occurred_at": ("时间", "occurred at"),
    "channel": ("渠道", "channel"),
    "kind": ("类型", "kind"),
    "summary": ("内容", "summary"),
    "rating": ("评分", "rating"),
    "follow_up_status": ("随访状态", "follow-up status"),
    "follow_up_due": ("随访日期", "follow-up due"),
    "staff": ("经办人", "staff"),
    "corrects": ("更正的记录", "corrects"),
    "done_at": ("完成时间", "done at"),
    # analytics
    "kpi": ("指标", "KPI"),
    "this_period": ("本期", "this period"),
    "previous_period": ("上期", "previous period"),
    "change": ("变化", "change"),
    "month": ("月份", "month"),
    "revenue": ("销售额", "revenue"),
    "transactions": ("交易笔数", "transactions"),
    "customers_served": ("到店顾客", "customers served"),
    "new_customers": ("新顾客", "new customers"),
    "returning_customers": ("老顾客", "returning customers"),
    "average_basket": ("客单价", "average basket"),
    "repurchase_rate": ("复购率", "repurchase rate"),
    "average_rating": ("平均评分", "average rating"),
    "complaints": ("投诉", "complaints"),
    "segment": ("客群", "segment"),
    "stage": ("生命周期", "stage"),
    "customers": ("客户数", "customers"),
    "revenue_share": ("销售额占比", "share of revenue"),
    "rank": ("排名", "rank"),
    "period": ("期间", "period"),
    "percentage_points": ("个百分点", "pp"),
}

_ZH_VALUES = {
    "gender": {"M": "男", "F": "女"},
    "consent": {
        "given": "已同意",
        "refused": "拒绝",
        "withdrawn": "已撤回",
        "paper_unconfirmed": "纸质卡待确认",
    },
    "status": {"active": "正常", "inactive": "停用"},
    "source": {"manual": "手工录入", "import": "导入", "demo": "演示"},
    "channel": {
        "counter": "柜台",
        "phone": "电话",
        "sms": "短信",
        "wechat": "微信",
        "email": "邮件",
    },
    "kind": {
        "consultation": "咨询",
        "complaint": "投诉",
        "feedback": "反馈",
        "follow_up": "随访",
        "reminder": "提醒",
    },
    "follow_up_status": {"open": "待随访", "done": "已完成"},
    "segment": {
        "high_value": "高价值",
        "loyal": "忠诚",
        "potential": "潜力",
        "at_risk": "流失风险",
        "lost": "已流失",
        "regular": "一般",
    },
    "stage": {
        "new": "新客",
        "repeat": "回头客",
        "loyal": "忠实",
        "at_risk": "有流失风险",
        "lost": "已流失",
    },
}
_RESTRICTED = {"zh_CN": "（受限）", "en": " (restricted)"}
_RETIRED = {"zh_CN": "（已停用）", "en": " (retired)"}


def _index(language: str) -> int:
    return 0 if language == "zh_CN" else 1


def sheet_name(key: str, language: str) -> str:
    return SHEETS[key][_index(language)]


def header(key: str, language: str) -> str:
    return HEADERS[key][_index(language)]


def restricted(text: str, language: str) -> str:
    """A header whose column the account may not see (the staff role and health data)."""
    return text + _RESTRICTED[_index_key(language)]


def retired(text: str, language: str) -> str:
    return text + _RETIRED[_index_key(language)]


def _index_key(language: str) -> str:
    return "zh_CN" if language == "zh_CN" else "en"


def values(group: str, language: str) -> dict[str, str]:
    """Code -> word for one kind of coded value; empty in English (codes stay codes)."""
    return _ZH_VALUES[group] if language == "zh_CN" else {}


def value_word(group: str, code: str, language: str) -> str:
    """One coded value as a word, for the small analytics sheets (English: readable code)."""
    if language == "zh_CN":
        return _ZH_VALUES[group].get(code, code)
    return code.replace("_", " ")
