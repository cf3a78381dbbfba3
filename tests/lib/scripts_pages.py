"""Small real-looking news pages in other charsets, scripts and languages,
shared by the tests that run them through newswire extract
(tests/pipeline/test_scripts_cli.py) and through the daemon
(tests/daemon/test_scripts_daemon.py). Written with Python's codecs,
without a declared charset (windows-1251, GBK, Shift_JIS, ISO-8859-2),
and in UTF-8 for Arabic, Hebrew, Greek, Danish and Romanian.

CASES: (file name, bytes, language, title); CODECS: the codec of each
file name not in UTF-8.
"""


def page(title, paras, lang=None, extra_head=""):
    attr = ' lang="%s"' % lang if lang else ""
    body = "".join("<p>%s</p>\n" % p for p in paras)
    return ("<!DOCTYPE html>\n<html%s><head><title>%s</title>%s</head>"
            "<body><header><nav><a href=\"/\">Home</a></nav></header>"
            "<article><h1>%s</h1>\n%s</article>"
            "<footer>(c) 2024</footer></body></html>"
            % (attr, title, extra_head, title, body))


RU = page("Правительство утвердило новый бюджет", [
    "Министр финансов Антон Силуанов заявил в понедельник, что "
    "правительство не будет менять свои планы и что решение было принято "
    "кабинетом после долгих дебатов в Государственной думе.",
    "По его словам, дефицит бюджета в следующем году сократится, а "
    "расходы на социальные программы останутся на прежнем уровне.",
    "Оппозиция раскритиковала это решение и потребовала провести "
    "открытые слушания с участием экспертов и представителей регионов."])

ZH = page("政府批准新预算", [
    "<span class=\"byline\">记者 王小明</span>",
    "北京12月4日电 财政部长周一表示，政府不会改变计划，该决定是内阁在长时间"
    "辩论后作出的。他说：“明年的预算赤字将会减少，我们有信心实现目标。”",
    "反对派批评了这一决定，称其对普通家庭不公平。国际货币基金组织的专家表示，"
    "中国经济在今年第三季度增长了百分之五。",
    "据新华社报道，全国人民代表大会将在下个月审议这一预算案。上海和广州的地方"
    "政府也宣布了类似的计划。"])

JA = page("政府が新しい予算を承認", [
    "財務大臣は月曜日、政府は計画を変更しないと述べ、この決定は長い議論の後に"
    "内閣によって行われたと語った。「来年の財政赤字は減少する見通しだ」と"
    "大臣は話した。",
    "野党はこの決定を批判した。国際通貨基金の専門家は、日本経済は第3四半期に"
    "緩やかに成長したと述べた。"])

CS = page("Vláda schválila nový rozpočet", [
    "Ministr financí v pondělí řekl, že vláda nezmění své plány a že "
    "rozhodnutí bylo přijato kabinetem po dlouhé debatě ve sněmovně.",
    "Podle jeho slov se schodek rozpočtu příští rok sníží, zatímco výdaje "
    "na sociální programy zůstanou na stejné úrovni jako letos.",
    "Opozice toto rozhodnutí ostře kritizovala a žádá odstoupení "
    "ministra i veřejné slyšení za účasti odborníků."])

AR = page("الحكومة تقر ميزانية جديدة", [
    "قال وزير المالية يوم الاثنين إن الحكومة لن تغير خططها، وإن القرار "
    "اتخذه مجلس الوزراء بعد نقاش طويل في البرلمان.",
    "وأضاف الوزير: «سينخفض عجز الميزانية في العام المقبل، ونحن واثقون من "
    "تحقيق هذا الهدف». وانتقدت المعارضة الميزانية الجديدة ووصفتها بأنها "
    "غير عادلة للأسر.",
    "وقال صندوق النقد الدولي في تقرير صدر في القاهرة إن الاقتصاد نما بنسبة "
    "خمسة في المئة خلال الربع الثالث من العام."])

EL = page("Η κυβέρνηση ενέκρινε νέο προϋπολογισμό", [
    "Ο υπουργός Οικονομικών δήλωσε τη Δευτέρα ότι η κυβέρνηση δεν θα "
    "αλλάξει τα σχέδιά της και ότι η απόφαση ελήφθη από το υπουργικό "
    "συμβούλιο μετά από μακρά συζήτηση στη Βουλή.",
    "Σύμφωνα με τον ίδιο, το έλλειμμα του προϋπολογισμού θα μειωθεί τον "
    "επόμενο χρόνο, ενώ οι δαπάνες για τα κοινωνικά προγράμματα θα "
    "παραμείνουν στο ίδιο επίπεδο."])

DA = page("Regeringen fremlægger ny finanslov", [
    "Statsministeren siger, at regeringen vil fremlægge et nyt forslag om "
    "skattelettelser i næste uge. Det er første gang, at partierne har "
    "været enige om en plan for økonomien.",
    "Oppositionen kalder det et skridt i den rigtige retning, men kræver "
    "samtidig flere penge til hospitalerne og ældreplejen i kommunerne.",
    "Forslaget skal behandles i Folketinget inden jul, og hvis det bliver "
    "vedtaget, vil det træde i kraft fra januar."])

# Hebrew writes abbreviations with '"' for its gershayim (צה"ל, ארה"ב)
HE = page("הממשלה אישרה תקציב חדש", [
    "שר האוצר אמר ביום שני כי צה\"ל יקבל תוספת לתקציב, וכי הממשלה לא "
    "תשנה את תוכניותיה לאחר דיון ארוך בכנסת.",
    "\"הגירעון יקטן בשנה הבאה ואנחנו בטוחים שנשיג את היעד\", אמר השר. "
    "גם ארה\"ב הביעה תמיכה בתוכנית הכלכלית החדשה של הממשלה.",
    "האופוזיציה מתחה ביקורת על ההחלטה ודרשה דיון ציבורי בהשתתפות "
    "מומחים."], lang="he")

RO = page("Guvernul a aprobat un nou buget", [
    "Ministrul Finanțelor a declarat luni că guvernul nu își va schimba "
    "planurile și că decizia a fost luată de cabinet după o dezbatere "
    "lungă în parlament.",
    "Potrivit acestuia, deficitul bugetar se va reduce anul viitor, iar "
    "cheltuielile pentru programele sociale vor rămâne la același nivel.",
    "Opoziția a criticat decizia și a cerut audieri publice cu experți "
    "și reprezentanți ai regiunilor."])

# name, bytes, language, title
CASES = [
    ("ru-cp1251.html", RU.encode("cp1251"), "ru",
     "Правительство утвердило новый бюджет"),
    ("zh-gbk.html", ZH.encode("gbk"), "zh", "政府批准新预算"),
    ("ja-sjis.html", JA.encode("shift_jis"), "ja", "政府が新しい予算を承認"),
    ("cs-latin2.html", CS.encode("iso-8859-2"), "cs",
     "Vláda schválila nový rozpočet"),
    ("ar.html", AR.encode("utf-8"), "ar", "الحكومة تقر ميزانية جديدة"),
    ("el.html", EL.encode("utf-8"), "el",
     "Η κυβέρνηση ενέκρινε νέο προϋπολογισμό"),
    ("da.html", DA.encode("utf-8"), "da", "Regeringen fremlægger ny finanslov"),
    ("he.html", HE.encode("utf-8"), "he", "הממשלה אישרה תקציב חדש"),
    ("ro.html", RO.encode("utf-8"), "ro", "Guvernul a aprobat un nou buget"),
]

# Pages in the legacy charset of their script, undeclared (no <meta
# charset>, no lang): the Greek, Arabic, Hebrew, Thai and Turkish pages
# the development corpora lack. name, bytes, language, title, the codec
EL_1253 = page("Η Βουλή ψήφισε τον νέο προϋπολογισμό", [
    "Ο πρωθυπουργός Κυριάκος Μητσοτάκης δήλωσε την Τρίτη ότι η κυβέρνηση "
    "θα στηρίξει τις οικογένειες με χαμηλά εισοδήματα και ότι οι φόροι "
    "δεν θα αυξηθούν τον επόμενο χρόνο.",
    "«Η οικονομία αναπτύσσεται ταχύτερα από ό,τι περιμέναμε και οι "
    "επενδύσεις αυξάνονται», είπε ο υπουργός Οικονομικών στη Βουλή.",
    "Η αντιπολίτευση επέκρινε τον προϋπολογισμό και ζήτησε περισσότερα "
    "χρήματα για την υγεία και την παιδεία στην Αθήνα και τη "
    "Θεσσαλονίκη."])

AR_1256 = page("البرلمان يناقش قانون الانتخابات الجديد", [
    "ناقش مجلس النواب يوم الأحد مشروع قانون الانتخابات الجديد، وقال رئيس "
    "المجلس إن التصويت سيجري الأسبوع المقبل بعد استكمال النقاش.",
    "وقال النائب في كلمته: «هذا القانون يضمن تمثيلا عادلا لجميع المحافظات "
    "ويعزز ثقة المواطنين». وطالبت المعارضة بتعديل بعض المواد.",
    "وأكدت مصادر برلمانية في بغداد أن الحكومة ستقدم ملاحظاتها على المشروع "
    "خلال أيام."])

HE_1255 = page("הכנסת אישרה את חוק התקציב", [
    "הכנסת אישרה הלילה בקריאה שלישית את חוק התקציב לשנה הבאה, לאחר דיון "
    "סוער שנמשך שעות ארוכות במליאה.",
    "\"זהו תקציב אחראי שישמור על היציבות הכלכלית\", אמר שר האוצר בתום "
    "ההצבעה. גם בנק ישראל ורשות המסים בירכו על ההחלטה.",
    "נציגי צה\"ל ביקשו תוספת של מיליארד שקלים, אך הבקשה נדחתה בוועדת "
    "הכספים."])

TH_874 = page("รัฐบาลอนุมัติงบประมาณปีหน้า", [
    "คณะรัฐมนตรีมีมติอนุมัติร่างงบประมาณรายจ่ายประจำปีหน้า "
    "โดยรัฐมนตรีว่าการกระทรวงการคลังกล่าวว่ารัฐบาลจะไม่ขึ้นภาษีในปีหน้า",
    "“เศรษฐกิจไทยกำลังฟื้นตัวอย่างต่อเนื่อง และการลงทุนจากต่างประเทศเพิ่มขึ้น” "
    "นายกรัฐมนตรีกล่าวกับผู้สื่อข่าวที่ทำเนียบรัฐบาลในกรุงเทพมหานคร",
    "ฝ่ายค้านวิจารณ์ร่างงบประมาณดังกล่าว "
    "และเรียกร้องให้เพิ่มงบประมาณด้านสาธารณสุขและการศึกษา"])

TR_1254 = page("Meclis yeni bütçeyi kabul etti", [
    "Türkiye Büyük Millet Meclisi salı günü gelecek yılın bütçesini kabul "
    "etti. Hazine ve Maliye Bakanı, vergilerin artırılmayacağını ve "
    "enflasyonun düşeceğini söyledi.",
    "\"Ekonomimiz beklenenden hızlı büyüyor ve yatırımlar artıyor\" diyen "
    "bakan, İstanbul ve Ankara'daki projelerin süreceğini açıkladı.",
    "Muhalefet partileri bütçeyi eleştirerek sağlık ve eğitim için daha "
    "fazla kaynak ayrılmasını istedi."])

LEGACY = [
    ("el-cp1253.html", EL_1253.encode("cp1253"), "el",
     "Η Βουλή ψήφισε τον νέο προϋπολογισμό", "cp1253"),
    ("ar-cp1256.html", AR_1256.encode("cp1256"), "ar",
     "البرلمان يناقش قانون الانتخابات الجديد", "cp1256"),
    ("he-cp1255.html", HE_1255.encode("cp1255"), "he",
     "הכנסת אישרה את חוק התקציב", "cp1255"),
    ("th-cp874.html", TH_874.encode("cp874"), "th",
     "รัฐบาลอนุมัติงบประมาณปีหน้า", "cp874"),
    ("tr-cp1254.html", TR_1254.encode("cp1254"), "tr",
     "Meclis yeni bütçeyi kabul etti", "cp1254"),
]

CODECS = {"ru-cp1251.html": "cp1251", "zh-gbk.html": "gbk",
          "ja-sjis.html": "shift_jis", "cs-latin2.html": "iso-8859-2"}
CODECS.update((name, codec) for name, _, _, _, codec in LEGACY)


def first_paragraph(name, data):
    """The first paragraph of the page's article that is no byline, as
    text (markup of the page's own kept)."""
    text = data.decode(CODECS.get(name, "utf-8"))
    return [p for p in text.split("<p>")[1:]
            if "byline" not in p][0].split("</p>")[0]
