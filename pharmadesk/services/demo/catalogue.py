"""What the demo pharmacy is made of: its shelf, and the names, places and words of its town.

Plain data, no logic. Prices are integer fen. A product's `season` says when it sells:
"winter" (cold and flu), "summer" (heat, insects, sun) or "" (all year).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoProduct:
    name: str
    specification: str
    category: str
    brand: str
    price_fen: int
    season: str = ""
    approval: str = ""  # 国药准字 for medicines; empty for devices and supplements


COLD = "感冒发烧"
COUGH = "止咳化痰"
STOMACH = "消化肠胃"
PAIN = "解热镇痛"
SKIN = "皮肤外用"
EYE_ENT = "五官用药"
VITAMINS = "维生素营养"
CHRONIC = "慢病用药"
SUMMER = "防暑驱蚊"
DEVICES = "医疗器械"

PRODUCTS: tuple[DemoProduct, ...] = (
    DemoProduct("感冒灵颗粒", "10g×9袋", COLD, "999", 1850, "winter", "Z44021940"),
    DemoProduct("复方氨酚烷胺片", "12片", COLD, "快克", 1600, "winter", "H20030245"),
    DemoProduct("连花清瘟胶囊", "0.35g×24粒", COLD, "以岭", 2680, "winter", "Z20040063"),
    DemoProduct("板蓝根颗粒", "10g×20袋", COLD, "白云山", 1500, "winter", "Z44020211"),
    DemoProduct("布洛芬混悬液", "100ml", COLD, "美林", 2800, "winter", "H19991011"),
    DemoProduct("小儿氨酚黄那敏颗粒", "6g×10袋", COLD, "护彤", 1280, "winter", "H20033392"),
    DemoProduct("双黄连口服液", "10ml×10支", COLD, "哈药", 2200, "winter", "Z23020792"),
    DemoProduct("酚麻美敏片", "10片", COLD, "泰诺", 1950, "winter", "H10940005"),
    DemoProduct("蒲地蓝消炎口服液", "10ml×10支", COLD, "济川", 3580, "winter", "Z20030095"),
    DemoProduct("急支糖浆", "200ml", COUGH, "太极", 1680, "winter", "Z50020615"),
    DemoProduct("复方甘草片", "100片", COUGH, "白云山", 850, "winter", "H44020677"),
    DemoProduct("川贝枇杷膏", "300ml", COUGH, "京都念慈菴", 5600, "winter", "Z20090888"),
    DemoProduct("氨溴索口服溶液", "100ml", COUGH, "沐舒坦", 3200, "winter", "H20040262"),
    DemoProduct("蒙脱石散", "3g×10袋", STOMACH, "思密达", 2150, "summer", "H20000690"),
    DemoProduct("健胃消食片", "0.8g×32片", STOMACH, "江中", 1200, "", "Z36020463"),
    DemoProduct("奥美拉唑肠溶胶囊", "20mg×14粒", STOMACH, "洛赛克", 3800, "", "H20033058"),
    DemoProduct("铝碳酸镁咀嚼片", "0.5g×20片", STOMACH, "达喜", 3250, "", "H20000566"),
    DemoProduct("多潘立酮片", "10mg×30片", STOMACH, "吗丁啉", 2450, "", "H10910003"),
    DemoProduct("乳酸菌素片", "0.4g×64片", STOMACH, "江中", 1380, "", "H36020491"),
    DemoProduct("布洛芬缓释胶囊", "0.3g×20粒", PAIN, "芬必得", 2550, "", "H10900089"),
    DemoProduct("对乙酰氨基酚片", "0.5g×20片", PAIN, "必理通", 1450, "", "H10940063"),
    DemoProduct("阿司匹林肠溶片", "100mg×30片", PAIN, "拜阿司匹灵", 1550, "", "J20171021"),
    DemoProduct("红霉素软膏", "10g", SKIN, "白敬宇", 450, "", "H13020881"),
    DemoProduct("莫匹罗星软膏", "5g", SKIN, "百多邦", 2300, "", "H10930064"),
    DemoProduct("糠酸莫米松乳膏", "5g", SKIN, "艾洛松", 2900, "", "H20030963"),
    DemoProduct("云南白药创可贴", "100片", SKIN, "云南白药", 2600, "", ""),
    DemoProduct("复方醋酸地塞米松乳膏", "20g", SKIN, "999皮炎平", 1250, "summer", "H44024170"),
    DemoProduct("玻璃酸钠滴眼液", "0.1%×5ml", EYE_ENT, "爱丽", 4200, "", "H20110071"),
    DemoProduct("氯霉素滴眼液", "8ml", EYE_ENT, "润舒", 650, "", "H37020873"),
    DemoProduct("西地碘含片", "1.5mg×15片", EYE_ENT, "华素", 1850, "", "H11020983"),
    DemoProduct("金嗓子喉片", "2g×20片", EYE_ENT, "金嗓子", 1300, "winter", "Z45021837"),
    DemoProduct("维生素C片", "100mg×100片", VITAMINS, "力度伸", 3500, "winter"),
    DemoProduct("碳酸钙D3片", "600mg×60片", VITAMINS, "钙尔奇", 6800),
    DemoProduct("多种维生素矿物质片", "60片", VITAMINS, "善存", 9800),
    DemoProduct("复合维生素B片", "100片", VITAMINS, "华中", 650),
    DemoProduct("二甲双胍片", "0.5g×60片", CHRONIC, "格华止", 3950, "", "H20023370"),
    DemoProduct("苯磺酸氨氯地平片", "5mg×28片", CHRONIC, "络活喜", 4650, "", "H10950224"),
    DemoProduct("硝苯地平控释片", "30mg×7片", CHRONIC, "拜新同", 3300, "", "J20180035"),
    DemoProduct("阿托伐他汀钙片", "20mg×7片", CHRONIC, "立普妥", 4980, "", "H20051408"),
    DemoProduct("缬沙坦胶囊", "80mg×28粒", CHRONIC, "代文", 6100, "", "H20040217"),
    DemoProduct("格列美脲片", "2mg×30片", CHRONIC, "亚莫利", 5200, "", "H20057672"),
    DemoProduct("沙丁胺醇气雾剂", "100μg×200揿", CHRONIC, "万托林", 2850, "", "H20140342"),
    DemoProduct("左甲状腺素钠片", "50μg×100片", CHRONIC, "优甲乐", 2950, "", "H20100523"),
    DemoProduct("藿香正气水", "10ml×10支", SUMMER, "太极", 1100, "summer", "Z50020409"),
    DemoProduct("风油精", "9ml", SUMMER, "水仙", 500, "summer", "Z35020242"),
    DemoProduct("花露水", "195ml", SUMMER, "六神", 1690, "summer"),
    DemoProduct("清凉油", "3g", SUMMER, "龙虎", 400, "summer", "Z31020635"),
    DemoProduct("医用外科口罩", "10只", DEVICES, "稳健", 1500, "winter"),
    DemoProduct("电子体温计", "1支", DEVICES, "欧姆龙", 3900, "winter"),
    DemoProduct("血糖试纸", "50片", DEVICES, "三诺", 8800),
    DemoProduct("医用棉签", "100支", DEVICES, "稳健", 590),
    DemoProduct("医用酒精", "75%×500ml", DEVICES, "海氏海诺", 890),
)

# Controlled medicines (compound preparations containing pseudoephedrine): kept off the
# shelf the random baskets draw from, since each sale of one needs a real-name register line
# (the demo adds a few, see demo/__init__.py), and so that adding one shifts no other draw.
CONTROLLED: tuple[DemoProduct, ...] = (
    DemoProduct("新康泰克 复方盐酸伪麻黄碱缓释胶囊", "10粒", COLD, "新康泰克", 2380, "winter"),
)
# Where the demo's synthetic ID numbers say their holders were registered (杭州市西湖区).
ID_AREA = "330106"

# The long-term medicine of each chronic condition the demo gives its customers.
CHRONIC_MEDICINES: dict[str, tuple[str, ...]] = {
    "高血压": ("苯磺酸氨氯地平片", "硝苯地平控释片", "缬沙坦胶囊"),
    "2型糖尿病": ("二甲双胍片", "格列美脲片"),
    "高血脂": ("阿托伐他汀钙片",),
    "哮喘": ("沙丁胺醇气雾剂",),
    "甲状腺功能减退": ("左甲状腺素钠片",),
}

ALLERGIES = ("青霉素", "头孢类", "磺胺类", "阿司匹林", "布洛芬", "花粉", "海鲜")

# Common surnames, most common first; the rarer ones (and those with a surname reading) last.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤单解仇区朴查翟缪乐"
)
GIVEN_MALE = (
    "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣志建国"
    "文博海峰成东亮胜松顺山生树晨子泽"
)
GIVEN_FEMALE = (
    "芳娜敏静丽艳娟霞秀玲桂英兰萍红琳燕玉梅慧婷雪琴颖倩洁丹晶莉晓佳月露瑶春凤云淑爽思诗素珊子紫"
)

DISTRICTS = (
    ("西湖区", "310012", ("文三路", "教工路", "古翠路", "学院路", "天目山路")),
    ("拱墅区", "310011", ("湖墅南路", "莫干山路", "大关路", "上塘路")),
    ("上城区", "310002", ("解放路", "清泰街", "庆春路", "望江路")),
    ("滨江区", "310051", ("江南大道", "滨盛路", "长河路", "西兴路")),
    ("余杭区", "311100", ("文一西路", "良睦路", "五常大道")),
)
CITY = "杭州市"

PREFERENCES = (
    "偏好国产品牌",
    "需要开发票",
    "喜欢微信联系",
    "只在周末来店",
    "对价格敏感，关注促销",
    "偏好中成药",
    "需要大字说明书",
)

CONSULTATIONS = (
    "咨询感冒药与降压药能否同服，已说明注意事项",
    "询问儿童退烧药剂量，按体重讲解用法",
    "咨询胃药饭前还是饭后服用",
    "询问维生素与钙片是否可以一起吃",
    "咨询皮疹用药，建议就医确诊",
    "咨询血糖试纸使用方法，现场演示",
    "询问孕期可否使用该药，建议先问医生",
)
COMPLAINTS = (
    "反映上次购买的药品临近效期",
    "排队时间太长，结账慢",
    "药品缺货，白跑一趟",
    "找零有误，已当场更正",
    "店员解释不够耐心",
)
FEEDBACK = (
    "药师讲解清楚，很满意",
    "服务热情，价格合理",
    "用药提醒很有帮助",
    "环境整洁，取药快",
    "一般，希望品种更多",
)
FOLLOW_UPS = (
    "电话回访用药情况，血压控制平稳",
    "回访血糖情况，提醒按时复查",
    "回访服药后反应，无不适",
    "提醒续药，客户表示下周来店",
    "回访投诉处理结果，客户表示认可",
)
