#!/usr/bin/env python3
"""Writes articles.jsonl: 39 short news paragraphs: two per language (ru, uk, ar, ur, hi, fr, es,
tr, de, pt, it, id, fa, so), one in Pashto, and ten more (three more Arabic, Turkish, Urdu,
West-African French, Mexican and Colombian Spanish, Philippine English with Tagalog, Swahili),
written for this test (invented reports, not copied from any article). Each names one attack with
a place, a date word, a figure with a qualifier and, mostly, a perpetrator or claim;
tests/e2e_langs.py holds what each should give. Published on Friday 2024-03-15."""
import json
import os

P = "2024-03-15"  # a Friday
rows=[
("ru1","ru","Вчера в Донецке в результате обстрела погибли по меньшей мере семь человек, ещё двенадцать получили ранения, сообщили местные власти."),
("ru2","ru","В понедельник в городе Белгород беспилотник ударил по жилому дому. По данным губернатора, погибли более десяти мирных жителей. Ответственность за атаку возложили на ВСУ."),
("uk1","uk","Учора в Херсоні внаслідок російського обстрілу загинули п'ятеро людей, ще дев'ять отримали поранення, повідомила обласна військова адміністрація."),
("uk2","uk","У середу в Харкові російська ракета влучила в житловий будинок: щонайменше п’ять людей загинули, близько двадцяти поранені."),
("ar1","ar","قتل ما لا يقل عن عشرة جنود سوريين يوم الأربعاء في هجوم شنه تنظيم الدولة الإسلامية قرب مدينة تدمر في ريف حمص الشرقي، وفق المرصد السوري."),
("ar2","ar","أمس، قتل أكثر من خمسة عشر شخصا في انفجار سيارة مفخخة في مدينة الموصل شمالي العراق، وتبنى تنظيم داعش الهجوم."),
("ur1","ur","پشاور میں جمعرات کو ایک خودکش دھماکے میں کم از کم بارہ افراد ہلاک اور تیس زخمی ہو گئے۔ تحریک طالبان پاکستان نے حملے کی ذمہ داری قبول کر لی۔"),
("ur2","ur","کوئٹہ میں کل فائرنگ کے ایک واقعے میں چھ پولیس اہلکار جاں بحق ہو گئے، پولیس کے مطابق حملہ آور فرار ہو گئے۔"),
("hi1","hi","छत्तीसगढ़ के बीजापुर जिले में मंगलवार को नक्सलियों के हमले में कम से कम आठ जवान शहीद हो गए। पुलिस ने बताया कि हमला माओवादियों ने किया।"),
("hi2","hi","मणिपुर के चुराचांदपुर में कल हुई हिंसा में पांच लोगों की मौत हो गई और दस से अधिक लोग घायल हुए।"),
("fr1","fr","Hier, au moins douze soldats ont été tués dans une attaque jihadiste près de Tillabéri, dans l'ouest du Niger, selon le ministère de la Défense."),
("fr2","fr","Mardi, une embuscade attribuée au JNIM a fait une vingtaine de morts parmi les civils près de Djibo, au Burkina Faso."),
("es1","es","Ayer, al menos nueve personas murieron en un ataque armado en Culiacán, en el estado de Sinaloa, informó la fiscalía."),
("es2","es","El martes, guerrilleros del ELN mataron a cuatro soldados en una emboscada en el departamento de Arauca, Colombia."),
("tr1","tr","Dün Diyarbakır'da düzenlenen bombalı saldırıda en az altı asker hayatını kaybetti, saldırıyı PKK üstlendi."),
("tr2","tr","Çarşamba günü İstanbul'da bir kiliseye düzenlenen silahlı saldırıda bir kişi öldü; saldırıyı IŞİD üstlendi."),
("de1","de","Gestern sind bei einem Messerangriff in Solingen mindestens drei Menschen getötet worden, die Terrormiliz IS reklamierte die Tat für sich."),
("de2","de","Am Montag wurden bei einem Anschlag in Hanau neun Menschen erschossen, der Täter war ein Rechtsextremist."),
("pt1","pt","Ontem, pelo menos onze soldados foram mortos num ataque de insurgentes do Estado Islâmico perto de Mocímboa da Praia, na província de Cabo Delgado, informou o exército."),
("pt2","pt","Na terça-feira, cerca de quinze pessoas morreram num ataque armado contra uma aldeia perto de Beni, no leste da República Democrática do Congo. As autoridades atribuíram o massacre às ADF."),
("it1","it","Ieri almeno sette persone sono state uccise in un attentato suicida a Maiduguri, nel nord-est della Nigeria, rivendicato da Boko Haram."),
("it2","it","Lunedì un'autobomba è esplosa a Kabul uccidendo una ventina di persone; l'attacco è stato rivendicato dallo Stato Islamico."),
("id1","id","Kemarin, sedikitnya lima tentara tewas dalam serangan kelompok bersenjata di Sugapa, Papua, dan TPNPB mengaku bertanggung jawab."),
("id2","id","Pada hari Rabu, tiga orang tewas ketika bom meledak di sebuah gereja di Makassar. Polisi menyebut pelaku terkait Jamaah Ansharut Daulah."),
("fa1","fa","دیروز دست‌کم نه نفر در انفجار یک بمب در شهر کرمان کشته شدند و داعش مسئولیت آن را بر عهده گرفت."),
("fa2","fa","روز سه‌شنبه در حمله مسلحانه به یک پاسگاه پلیس در زاهدان پنج مأمور کشته شدند. جیش العدل مسئولیت حمله را پذیرفت."),
("ps1","ps","پرون په کندهار کې د یوې چاودنې له امله لږ تر لږه اته کسان ووژل شول. داعش د دې برید مسؤلیت ومنله."),
("so2","so","Maalinta Talaadada, lix askari ayaa lagu dilay weerar ka dhacay magaalada Baydhabo."),
("so1","so","Shalay, ugu yaraan toban qof ayaa ku dhintay qarax ka dhacay Muqdisho, waxaana sheegtay Al-Shabaab."),
# Round three: Arabic (three MSA shapes), Turkish, Urdu, West-African French, Mexican and
# Colombian Spanish, Philippine English with Tagalog, Swahili.
("ar3","ar","لقي ما لا يقل عن ثمانية جنود مصرعهم يوم الثلاثاء في هجوم شنه مسلحون من جماعة بوكو حرام على قاعدة عسكرية قرب مدينة مايدوغوري في ولاية بورنو شمال شرقي نيجيريا. وقال متحدث باسم الجيش إن المهاجمين وصلوا على دراجات نارية. وأضاف أن القوات صدت الهجوم بعد ساعتين من الاشتباكات."),
("ar4","ar","أسفر انفجار عبوة ناسفة أمس عن مقتل أكثر من عشرين شخصا في سوق شعبي بمدينة بغداد، حسبما أفادت الشرطة العراقية. وأعلن تنظيم داعش مسؤوليته عن الهجوم في بيان. ونقل الجرحى إلى مستشفيات المدينة."),
("ar5","ar","ارتفعت حصيلة قتلى التفجير الانتحاري الذي استهدف مسجدا في مدينة لاهور يوم الأربعاء إلى نحو ثلاثين قتيلا، وفق مسؤولين محليين. وتبنت حركة طالبان باكستان الهجوم. وكان المسجد مكتظا بالمصلين وقت الانفجار."),
("tr3","tr","Somali'nin başkenti Mogadişu'da Salı günü bir otele düzenlenen bombalı saldırıda en az 12 kişi hayatını kaybetti. Saldırıyı Eş-Şebab örgütü üstlendi. Polis, ölü sayısının artabileceğini açıkladı. Yaralılar hastanelere kaldırıldı."),
("ur3","ur","خیبر پختونخوا کے ضلع بنوں میں منگل کو پولیس چوکی پر دہشت گردوں کے حملے میں کم از کم پانچ پولیس اہلکار شہید ہو گئے۔ حکام کے مطابق حملہ آوروں نے بھاری ہتھیاروں سے فائرنگ کی۔ کالعدم تحریک طالبان پاکستان نے حملے کی ذمہ داری قبول کر لی۔"),
("fr3","fr","Une quinzaine de civils ont été tués mercredi lors d'une attaque contre un marché près de Fada N'Gourma, dans l'Est du Burkina Faso, a-t-on appris de sources sécuritaires. Les assaillants, arrivés à moto, ont ouvert le feu sur les commerçants avant d'incendier des boutiques. L'attaque a été revendiquée par le JNIM, affilié à Al-Qaïda. Le gouverneur de la région a décrété trois jours de deuil."),
("es3","es","Un comando armado irrumpió la noche del jueves en un bar de Celaya, Guanajuato, y asesinó a por lo menos ocho personas, informó la Fiscalía General del Estado. Según testigos, los agresores llegaron en dos camionetas y dispararon contra los clientes. Las autoridades atribuyeron el ataque al Cártel de Santa Rosa de Lima. Otras tres personas resultaron heridas."),
("es4","es","Cuatro soldados murieron el miércoles en un ataque con explosivos en zona rural de Tibú, en el Norte de Santander, informó el Ejército Nacional. La acción fue atribuida a disidencias de las FARC. Otros seis militares resultaron heridos y fueron trasladados a Cúcuta."),
("tl1","tl","At least six soldiers were killed on Tuesday when suspected New People's Army rebels ambushed an Army patrol in Catarman, Northern Samar, the military said. \"Patay agad ang anim na sundalo,\" ayon sa isang opisyal ng 8th Infantry Division. The rebels fled after a 30-minute firefight, police said."),
("sw1","sw","Watu wasiopungua 7 waliuawa Jumanne katika shambulio la kigaidi mjini Mandera, kaskazini mashariki mwa Kenya. Polisi walisema washambuliaji walikuwa wanamgambo wa Al-Shabaab. Wengine 10 walijeruhiwa katika shambulio hilo."),
]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "articles.jsonl"), "w",
          encoding="utf-8") as f:
    for d,l,t in rows:
        f.write(json.dumps({"doc_id":d,"source":"test","url":None,"published":P,"lang":l,"text":t},ensure_ascii=False)+"\n")
