#!/usr/bin/env python3
"""Writes articles.jsonl and gold.json: invented multi-outlet clusters (our own sentences, no copied
text) with a hand-made sitrep-gold/1 annotation. Twenty attacks (S11-S20, the second round: a
convoy ambush, a drone strike, a bus on a mine, a jailbreak, herder-farmer clashes across villages,
a mass kidnapping, a market bombing whose toll rises over days, a school shooting abroad, security
forces firing on protesters, a report counting its two dead one by one). The first ten attacks, in
nine countries, each told by two
to five outlets in different styles (agency lede, dated dateline, local paper with a long human
opening, live update, follow-up with a funeral or a vigil, analysis piece, reports in French and
Spanish); three are coordinated waves (one story, two towns), two of them with a toll given for
both towns together; one attack targets a peaceful march. Six noise pieces (a court case, a
peaceful march, two anniversaries, a policy piece, a march against one of the attacks) report no
new attack.

Conventions (../../../../shared/eval/README.md): killed counts every death, attackers included;
best is the latest official figure, low/high the spread across outlets. Articles that only recall
an attack are the story's background_docs; noise articles that recall nothing in this set sit in
a story with no docs, so an incident made from them counts as a false positive."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# (doc_id, source, published, lang, text)
ARTICLES = [
# --- S1: car bomb at a market in Tuz Khurmatu, Iraq, Friday 2 May 2025 (evening) -----------------
("nc-01", "agency-a", "2025-05-02", "en",
 "A car bomb tore through a crowded vegetable market in the northern Iraqi town of Tuz Khurmatu on Friday evening, killing at least 12 people and wounding more than 30, officials said.\n"
 "The vehicle had been parked beside fruit stalls and exploded as families shopped before the weekend, a police officer said.\n"
 "Ambulances ferried the wounded to hospitals in Kirkuk, about 75 kilometres to the north.\n"
 "No group immediately claimed responsibility for the bombing."),
("nc-02", "agency-b", "2025-05-03", "en",
 "KIRKUK, Iraq, May 3 (Reuters) - The number of people killed by a car bomb at a market in Tuz Khormato late on Friday has risen to 19, a health official said on Saturday.\n"
 "Forty-one people were being treated for wounds, some of them in critical condition, the official said.\n"
 "Islamic State claimed responsibility for the blast in a statement on its Telegram channels, saying it had targeted a gathering of Shi'ite Turkmen.\n"
 "The town, which has a mixed Turkmen, Kurdish and Arab population, lies in territory disputed between Baghdad and the Kurdistan region."),
("nc-03", "live-c", "2025-05-03", "en",
 "Live updates: Iraq market bombing\n"
 "10:05 The death toll has risen to 17, the mayor of Tuz Khurmatu told local television, as rescuers searched the charred remains of the stalls.\n"
 "09:40 Security forces have closed the roads into the town and set up extra checkpoints, a witness told us.\n"
 "08:15 Prime Minister's office says an investigation committee has been sent to the scene of last night's explosion."),
("nc-04", "paper-d", "2025-05-05", "en",
 "Hundreds of mourners carried coffins through the streets of Tuz Khurmatu on Sunday as the town buried victims of Friday's car bombing, which killed nearly two dozen people.\n"
 "Shopkeepers said they did not know when the market would reopen.\n"
 "\"We have buried my brother and my two nephews,\" said one man at the cemetery.\n"
 "Local leaders called on the federal government to send more troops to protect the town."),
("nc-05", "analysis-e", "2025-05-20", "en",
 "Analysis: Why Iraq's disputed territories remain a gap in its security\n"
 "More than seven years after the defeat of Islamic State's self-declared caliphate, the strip of land between Kurdish and federal forces is still where the group finds room to move.\n"
 "The bombing of a market in Tuz Khurmatu earlier this month, which killed 19 people, was a reminder that cells remain active in the foothills of the Hamrin mountains.\n"
 "Joint patrols agreed last year have rarely taken place, officials on both sides admit, and each blames the other."),
# --- S2: coordinated attacks on Dori and Gorom-Gorom, Burkina Faso, Sunday 15 June 2025 ----------
("nc-06", "agency-a", "2025-06-16", "en",
 "Jihadist fighters attacked army positions in two towns in northern Burkina Faso on Sunday, killing at least 24 soldiers and gendarmes, security sources said on Monday.\n"
 "In Dori, the main town of the Sahel region, assailants on motorbikes stormed a military camp at dawn and killed 15 soldiers.\n"
 "Hours later another column attacked the gendarmerie post in Gorom-Gorom, about 50 kilometres to the north, where nine gendarmes were killed.\n"
 "The army said its aircraft had struck the retreating fighters, without giving a toll."),
("nc-07", "journal-f", "2025-06-17", "fr",
 "Des hommes armés ont attaqué dimanche le camp militaire de Dori et la brigade de gendarmerie de Gorom Gorom, dans la région du Sahel, faisant au moins 26 morts parmi les forces de défense et de sécurité, selon des sources sécuritaires.\n"
 "À Dori, seize soldats ont été tués lors de l'assaut contre le camp.\n"
 "À Gorom Gorom, dix gendarmes ont perdu la vie.\n"
 "Les habitants de Dori racontent avoir entendu des tirs nourris pendant plus de deux heures."),
("nc-08", "agency-b", "2025-06-16", "en",
 "OUAGADOUGOU, June 16 (Reuters) - Militants linked to al Qaeda killed more than 20 soldiers in coordinated attacks on two towns in Burkina Faso's Sahel region on Sunday, two security sources said.\n"
 "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed the assaults on Dori and Gorom-Gorom in a statement on Monday.\n"
 "The junta, which took power in 2022 promising to restore security, did not respond to a request for comment."),
("nc-09", "paper-g", "2025-06-18", "en",
 "Burkina Faso declared three days of national mourning on Wednesday for the soldiers and gendarmes killed in Sunday's attacks on Dori and Gorom-Gorom.\n"
 "In its first official toll, the army said 25 members of the security forces had been killed in the two attacks.\n"
 "Flags will fly at half mast on public buildings until Friday, the government spokesman said."),
# --- S3: suicide car bomb at a police station in Lakki Marwat, Pakistan, Saturday 8 March 2025 night
("nc-10", "agency-a", "2025-03-09", "en",
 "A suicide bomber rammed an explosives-laden car into the gate of a police station in Lakki Marwat late Saturday, killing seven people including the attacker, police said Sunday.\n"
 "Eleven others were wounded, among them two children from a house next to the station, a police spokesman said.\n"
 "The blast brought down part of the station's outer wall."),
("nc-11", "paper-h", "2025-03-09", "en",
 "LAKKI MARWAT: Six policemen were martyred and 11 others injured when a suicide bomber attacked the Saddar police station here on Saturday night, officials said.\n"
 "The district police officer said the bomber drove a car packed with explosives at the main gate after guards tried to stop him.\n"
 "A little-known group, Ittehad-ul-Mujahideen Pakistan, claimed responsibility for the attack, while the banned Tehreek-i-Taliban Pakistan said it had no part in it.\n"
 "The bodies were shifted to the district headquarters hospital."),
("nc-12", "agency-b", "2025-03-09", "en",
 "The death toll from an overnight suicide attack on a police station in northwest Pakistan rose to eight, including the bomber, after a wounded constable died in hospital, officials said on Sunday.\n"
 "The attack in Lakki Marwat district was the third on police in the district this year."),
# --- S4: attacks on Jamundi (Valle del Cauca) and Corinto (Cauca), Colombia, Friday 18 July 2025 --
("nc-13", "diario-i", "2025-07-19", "es",
 "Dos policías muertos y nueve heridos dejó un ataque con una moto bomba contra la estación de policía de Jamundí, en el Valle del Cauca, este viernes.\n"
 "Horas después, en Corinto, Cauca, un soldado murió en un ataque con drones contra la base del Ejército, informaron las autoridades.\n"
 "El ministro de Defensa atribuyó los ataques a las disidencias de las FARC del Estado Mayor Central.\n"
 "Los comerciantes del centro de Jamundí cerraron sus negocios tras la explosión."),
("nc-14", "agency-a", "2025-07-18", "en",
 "Rebels attacked police and army posts in two towns in southwestern Colombia on Friday, killing three members of the security forces, officials said.\n"
 "Two police officers were killed when a motorcycle bomb exploded outside the police station in Jamundi, south of Cali, and a soldier died when drones dropped explosives on an army base in Corinto, in neighbouring Cauca province.\n"
 "The defence minister blamed dissidents of the former FARC guerrilla group who rejected the 2016 peace deal."),
("nc-15", "agency-b", "2025-07-21", "en",
 "BOGOTA, July 21 (Reuters) - A police officer wounded in Friday's bombing in Jamundi died in hospital on Sunday, raising the toll from the attacks in Colombia's southwest to four, the police said.\n"
 "Thousands of people marched peacefully through Cali on Sunday to reject the violence.\n"
 "President's office said security would be reinforced in the region."),
# --- S5: missile strike on Kryvyi Rih, Ukraine, Tuesday 16 September 2025 (evening) -------------
("nc-16", "agency-b", "2025-09-17", "en",
 "KYIV, Sept 17 (Reuters) - A Russian ballistic missile hit a residential district of the central Ukrainian city of Kryvyi Rih on Tuesday evening, killing 14 people, including three children, and wounding more than 50, the regional governor said on Wednesday.\n"
 "The missile struck between a five-storey apartment block and a playground, he said.\n"
 "Russia's defence ministry said it had hit a meeting of military commanders in the city, a claim Kyiv rejected."),
("nc-17", "live-c", "2025-09-17", "en",
 "Ukraine war live\n"
 "16:30 The death toll from the Russian missile strike on Krivoy Rog has risen to 16, the head of the city's military administration said on Telegram.\n"
 "15:10 Air raid alerts were issued across eastern regions this afternoon."),
("nc-18", "paper-d", "2025-09-19", "en",
 "Kryvyy Rih held a day of mourning on Thursday for the 17 people killed in Tuesday's missile strike, as the last of the wounded children left intensive care.\n"
 "Residents laid flowers and toys at the playground where several of the victims died.\n"
 "The city's mayor said 38 apartment blocks had been damaged."),
# --- S6: roadside bomb near Mandera, Kenya, Saturday 23 August 2025 ------------------------------
("nc-19", "paper-j", "2025-08-24", "en",
 "For Halima Abdi, Saturday began like any other.\n"
 "She made tea, walked her three children to the gate and waved as her husband, a police reservist for eleven years, climbed into the back of the patrol truck.\n"
 "\"He told me he would be home before the evening prayer,\" she said, sitting on a mat surrounded by relatives.\n"
 "By midday he was among eight officers killed when their vehicle struck an improvised explosive device on the outskirts of Mandera town.\n"
 "Two more officers were seriously injured and were airlifted to Nairobi.\n"
 "Mandera, on the border with Somalia and Ethiopia, has seen repeated attacks on security patrols."),
("nc-20", "agency-a", "2025-08-23", "en",
 "Eight Kenyan police officers were killed Saturday when their vehicle hit a roadside bomb near the town of Mandera, close to the Somali border, police said.\n"
 "Police blamed the Somali-based extremist group al-Shabab, which has carried out many such attacks in the region."),
("nc-21", "paper-j", "2025-08-26", "en",
 "Mourners in Mandera on Monday buried five of the eight officers killed in Saturday's bombing, in a ceremony attended by the county commissioner.\n"
 "Al-Shabaab had claimed the attack in a statement on its radio station on Sunday.\n"
 "The remaining three bodies were flown to their home counties."),
# --- S7: gunmen raid a village in Bokkos, Plateau state, Nigeria, late Saturday 11 October 2025 ---
("nc-22", "paper-k", "2025-10-12", "en",
 "Gunmen killed scores of villagers in an overnight raid on a farming village in Bokkos local government area of Plateau state, residents said on Sunday.\n"
 "The attackers arrived shortly before midnight, shooting at people as they ran from their homes and setting houses alight.\n"
 "\"We counted bodies until morning,\" a youth leader said."),
("nc-23", "agency-a", "2025-10-12", "en",
 "At least 40 people were killed when armed men attacked a village in central Nigeria's Plateau state late Saturday, a local government official said Sunday.\n"
 "Dozens of homes were burned in the attack in Bokkos, the official said.\n"
 "Plateau has seen years of deadly clashes between farmers and herders over land."),
("nc-24", "agency-b", "2025-10-13", "en",
 "ABUJA, Oct 13 (Reuters) - The death toll from an attack by gunmen on a village in Nigeria's Plateau state at the weekend has risen to 52, the Red Cross said on Monday.\n"
 "Survivors said the attackers struck as villagers slept in Bokkos district.\n"
 "President Bola Tinubu ordered security agencies to find those responsible."),
("nc-25", "paper-k", "2025-10-14", "en",
 "Residents of Bokkos on Tuesday buried 52 victims of Saturday night's attack in a mass grave, as women wept beside the rows of coffins.\n"
 "The state governor, who attended the burial, promised to rebuild the torched homes."),
# --- S8: car bomb near a bus station in Manbij, Syria, Thursday 13 November 2025 ----------------
("nc-26", "agency-a", "2025-11-13", "en",
 "A car bomb exploded near a bus station in the northern Syrian town of Manbij on Thursday, killing 11 people, most of them farm workers waiting for transport, Syria's civil defence said.\n"
 "At least 15 others were wounded.\n"
 "There was no immediate claim of responsibility."),
("nc-27", "agency-b", "2025-11-14", "en",
 "DAMASCUS, Nov 14 (Reuters) - The toll from a car bombing in the town of Menbij rose to 14 on Friday, the civil defence service said, after three of the wounded died overnight.\n"
 "The explosion on Thursday hit a minibus carrying agricultural workers."),
("nc-28", "monitor-l", "2025-11-14", "en",
 "A war monitor said on Friday that 16 people were killed in Thursday's car bomb attack in Manbij, higher than the official figure.\n"
 "The monitor said most of the dead were women who worked on farms outside the town."),
# --- S9: gunmen fire on a peaceful march in Celaya, Mexico, Sunday 6 April 2025 -------------------
("nc-33", "agency-b", "2025-04-06", "en",
 "MEXICO CITY, April 6 (Reuters) - Gunmen opened fire on a peaceful march against violence in the central Mexican city of Celaya on Sunday, killing six people and wounding nine, Guanajuato state prosecutors said.\n"
 "The marchers were walking towards the town hall when two pickup trucks pulled up beside them, witnesses said."),
("nc-34", "paper-n", "2025-04-08", "en",
 "Hundreds of people held a candlelight vigil in Celaya on Tuesday for the six marchers killed in Sunday's attack, as prosecutors said they had identified the gunmen's vehicles.\n"
 "Relatives carried photographs of the victims through the city centre."),
("nc-35", "diario-o", "2025-04-13", "es",
 "Miles de personas marcharon pacíficamente este sábado en la Ciudad de México para rechazar el ataque contra una marcha en Celaya que dejó seis muertos la semana pasada.\n"
 "Los organizadores pidieron justicia para las víctimas."),
# --- S10: bandits attack Gusau and Tsafe, Zamfara, Nigeria, Tuesday 11 February 2025 (night) ------
("nc-36", "agency-a", "2025-02-12", "en",
 "Armed bandits attacked Gusau and Tsafe in northwest Nigeria's Zamfara state on Tuesday night, killing 12 people, police said on Wednesday.\n"
 "In Gusau, the gunmen shot dead seven traders at a cattle market before fleeing on motorcycles.\n"
 "Five villagers were killed in Tsafe, where the attackers also abducted about 20 women, a local official said."),
("nc-37", "paper-k", "2025-02-13", "en",
 "The death toll from Tuesday night's attacks on Gusau and Tsafe has risen to 14, the Zamfara state government said on Thursday, after two of the wounded died.\n"
 "Residents of both towns buried their dead on Wednesday."),
# --- S11: ambush on an army convoy near Ouallam, Niger, Tuesday 18 March 2025 ---------------------
("nc-39", "agency-a", "2025-03-19", "en",
 "Suspected jihadists ambushed a Nigerien army convoy near Ouallam in the Tillaberi region on Tuesday, killing at least 10 soldiers, security sources said on Wednesday.\n"
 "The convoy was escorting fuel trucks towards the Malian border when it came under fire from both sides of the road, one source said.\n"
 "Several vehicles were set on fire."),
("nc-40", "journal-f", "2025-03-20", "fr",
 "Douze militaires nigériens ont été tués mardi dans une embuscade tendue à un convoi près d'Ouallam, dans la région de Tillabéri, a annoncé le ministère de la Défense dans un communiqué lu mercredi soir à la télévision.\n"
 "Huit autres soldats ont été blessés.\n"
 "L'attaque n'a pas été revendiquée, mais la zone est le théâtre d'opérations de l'État islamique au Sahel."),
("nc-41", "agency-b", "2025-03-21", "en",
 "NIAMEY, March 21 (Reuters) - Niger's army said on Friday that 14 soldiers died in Tuesday's ambush on a supply convoy in the Ouallam area, after two of the wounded died of their injuries.\n"
 "The junta has faced mounting attacks since it seized power in 2023."),
# --- S12: drone strike on a livestock market in El Obeid, Sudan, Sunday 5 October 2025 ------------
("nc-42", "agency-a", "2025-10-05", "en",
 "A drone strike hit a crowded livestock market in El Obeid, the capital of Sudan's North Kordofan state, on Sunday, killing 15 people, a medical group said.\n"
 "The state governor blamed the paramilitary Rapid Support Forces (RSF), which has besieged the city for months.\n"
 "The RSF did not comment."),
("nc-43", "journal-f", "2025-10-06", "fr",
 "Au moins 21 personnes ont été tuées dimanche par une frappe de drone sur un marché au bétail d'El-Obeid, dans le Kordofan-Nord, selon un nouveau bilan communiqué lundi par un réseau de médecins soudanais, qui accuse les Forces de soutien rapide (FSR).\n"
 "Des dizaines de blessés ont été transportés vers l'hôpital principal de la ville."),
("nc-44", "paper-p", "2025-10-08", "en",
 "Traders in El Obeid reopened a few stalls on Wednesday, three days after the drone attack on the livestock market that killed 21 people.\n"
 "\"We cannot stop working, our families have to eat,\" said one cattle dealer, whose brother was among the dead."),
# --- S13: a bus hits a mine near Bandiagara, Mali, Thursday 16 January 2025 ----------------------
("nc-45", "agency-a", "2025-01-16", "en",
 "A passenger bus struck an explosive device on the road between Bandiagara and Bankass in central Mali on Thursday, killing nine civilians, a local official said.\n"
 "The bus was carrying traders to the weekly market.\n"
 "Armed groups linked to al Qaeda have planted mines on roads in the Mopti region to cut off towns held by the army."),
("nc-46", "journal-f", "2025-01-17", "fr",
 "Le bilan de l'explosion d'une mine au passage d'un car de transport près de Bandiagara s'est alourdi à onze morts, a indiqué vendredi une source hospitalière.\n"
 "Plusieurs blessés graves ont été évacués vers Mopti."),
# --- S14: a jailbreak in Butembo, DR Congo, Saturday 9 August 2025 (night) -------------------------
("nc-47", "agency-b", "2025-08-10", "en",
 "KINSHASA, Aug 10 (Reuters) - Armed men attacked the central prison in Butembo in eastern Congo overnight on Saturday, freeing more than 800 inmates in a gun battle that killed six people, the mayor said on Sunday.\n"
 "Four of the dead were police officers guarding the jail, he said.\n"
 "The army blamed Mai-Mai militiamen who it said wanted to free their comrades."),
("nc-48", "paper-q", "2025-08-11", "en",
 "Eight people were killed during Saturday night's jailbreak at Kakwangura prison in Butembo, North Kivu, including five guards and three inmates, civil society leaders said on Monday.\n"
 "Soldiers were going door to door in the city looking for escaped prisoners.\n"
 "Only about 100 of the 850 detainees had been recaptured by Monday afternoon."),
# --- S15: herders and farmers clash in villages of Katsina-Ala, Benue, Nigeria, Saturday 20 Sept 2025
("nc-49", "agency-a", "2025-09-21", "en",
 "At least 30 people were killed when herders and farmers clashed in several villages of Katsina-Ala local government area in Nigeria's Benue state on Saturday, police said.\n"
 "Homes and granaries were torched in at least four communities, a police spokeswoman said, adding that calm had returned after troops were deployed."),
("nc-50", "paper-k", "2025-09-22", "en",
 "The Benue state government said on Monday that 42 people died in the weekend violence between herders and farming communities in Katsina-Ala, and that 3,000 people had fled to camps in the town.\n"
 "The governor imposed a dusk-to-dawn curfew on the area.\n"
 "Local leaders said gunmen had attacked the villages of Tor-Donga and Abaji before youths retaliated."),
# --- S16: worshippers abducted and killed in Kajuru, Kaduna, Nigeria, Sunday 25 May 2025 ----------
("nc-51", "paper-k", "2025-05-26", "en",
 "Gunmen stormed a church in a village of Kajuru local government area of Kaduna state during Sunday service, killing three worshippers and abducting more than 60 others, residents said.\n"
 "The attackers, who came on dozens of motorcycles, marched the captives into the forest.\n"
 "A pastor who escaped said the gunmen shot those who tried to run."),
("nc-52", "agency-b", "2025-05-26", "en",
 "ABUJA, May 26 (Reuters) - Kidnappers seized 64 people and killed three in an attack on a church in Kaduna state's Kajuru district on Sunday, police said on Monday.\n"
 "Kidnapping for ransom has become a lucrative business for armed gangs in northwest Nigeria."),
# --- S17: suicide car bomb at a market in Beledweyne, Somalia, Tuesday 18 February 2025; the toll
# rises over three days ---------------------------------------------------------------------------
("nc-54", "agency-a", "2025-02-18", "en",
 "A suicide car bomb exploded at a busy market in the central Somali town of Beledweyne on Tuesday, killing at least 13 people, police said.\n"
 "The al Qaeda-linked group al Shabaab said it carried out the attack, saying it had targeted government soldiers shopping at the market."),
("nc-55", "agency-b", "2025-02-19", "en",
 "MOGADISHU, Feb 19 (Reuters) - The death toll from a suicide bombing at a market in Beledweyne rose to 22 on Wednesday as more of the wounded died, a regional health official said."),
("nc-56", "paper-r", "2025-02-21", "en",
 "The toll rose to 31 on Friday from Tuesday's market bombing in Belet Weyne, the deadliest attack in the Hiiraan region in years, the district commissioner said.\n"
 "Somalia's president declared a day of mourning."),
# --- S18: a gunman at a school in Ostrava, Czech Republic, Wednesday 5 November 2025 --------------
("nc-57", "agency-b", "2025-11-05", "en",
 "PRAGUE, Nov 5 (Reuters) - A gunman opened fire at a secondary school in the Czech city of Ostrava on Wednesday, killing four people before turning the gun on himself, police said.\n"
 "Seven people were wounded, two of them seriously.\n"
 "Police said the attacker was a 19-year-old former pupil and that there was no sign of a political motive."),
("nc-58", "paper-s", "2025-11-06", "en",
 "Five people, including the shooter, died in Wednesday's attack at a school in Ostrava, police confirmed on Thursday, naming the victims as three students and a teacher.\n"
 "Candles and flowers covered the steps of the school building."),
# --- S19: security forces fire on protesters in Conakry, Guinea, Thursday 12 June 2025 ------------
("nc-59", "agency-a", "2025-06-12", "en",
 "Security forces opened fire on protesters in Conakry on Thursday, killing three people, an opposition coalition said.\n"
 "The demonstrators were demanding a date for elections promised by the military government.\n"
 "A government spokesman said the security forces had acted in self-defence after being attacked with stones."),
("nc-60", "journal-f", "2025-06-13", "fr",
 "Trois jeunes manifestants ont été tués jeudi par balles à Conakry lors de la dispersion d'une manifestation de l'opposition par les forces de l'ordre, selon un collectif de partis d'opposition.\n"
 "Un quatrième manifestant blessé est mort dans la nuit, a ajouté le collectif vendredi."),
# --- S20: grenade attack on a checkpoint in Tumaco, Colombia, Saturday 26 April 2025: one report
# counts its two dead one by one --------------------------------------------------------------------
("nc-61", "agency-a", "2025-04-26", "en",
 "A grenade attack on a checkpoint in the Colombian port city of Tumaco killed two members of the security forces on Saturday, officials said."),
("nc-62", "paper-t", "2025-04-27", "en",
 "A soldier died on Saturday when attackers threw a grenade at a checkpoint on the edge of Tumaco, in Narino province.\n"
 "A police officer was also killed in the attack, and three civilians were wounded.\n"
 "The soldier, 24, had joined the army last year, his commander said."),
# --- noise: no new attack -----------------------------------------------------------------------
("nc-29", "paper-j", "2025-06-05", "en",
 "A court in Nairobi on Thursday sentenced two men to 30 years in prison each for helping to plan the 2019 attack on a hotel complex in which 21 people were killed.\n"
 "The judge said the two had provided the attackers with money and a safe house.\n"
 "A third defendant was acquitted for lack of evidence."),
("nc-30", "diario-m", "2025-07-09", "en",
 "Thousands of people marched through central Lima on Wednesday to demand higher pensions and an end to corruption.\n"
 "Police said the march was peaceful and no arrests were made.\n"
 "Organisers said they would return to the streets next month if Congress did not act."),
("nc-31", "paper-h", "2025-01-30", "en",
 "Families gathered in Peshawar on Thursday to mark the second anniversary of the suicide bombing at a mosque inside the police lines that killed more than 80 people, most of them policemen.\n"
 "Relatives said they were still waiting for the findings of the inquiry.\n"
 "Senior officers laid wreaths at a memorial inside the compound."),
("nc-38", "journal-f", "2025-03-15", "fr",
 "Des centaines de personnes se sont rassemblées samedi à Grand-Bassam pour commémorer l'attentat contre une plage de la ville, qui avait fait 19 morts en 2016.\n"
 "Les autorités ont rappelé que la menace reste élevée dans le nord du pays."),
("nc-32", "paper-j", "2025-09-10", "en",
 "Kenya will deploy two more police units along its border with Somalia, the interior ministry said on Wednesday, weeks after a roadside bomb near Mandera killed eight officers.\n"
 "The ministry said new armoured vehicles would be delivered to the border counties by December.\n"
 "Opposition lawmakers said the plan came too late."),
]

# incident: id, story, date, alt dates, country, admin1, place, aliases, lat, lon, radius,
#           killed (low, best, high), perpetrator aliases, docs
INCIDENTS = [
("tuz", "S1", "2025-05-02", [], "IQ", "Salah ad-Din Governorate", "Tuz Khurmatu",
 ["Tuz Khormato", "Tuz Khurmatu", "Tuz Khurmato"], 34.89, 44.63, 25, (12, 19, 23),
 ["Islamic State", "IS", "ISIS"], ["nc-01", "nc-02", "nc-03", "nc-04"]),
("dori", "S2", "2025-06-15", [], "BF", "Sahel Region", "Dori", [], 14.03, -0.03, 25, (15, 16, 16),
 ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"], ["nc-06", "nc-07", "nc-08", "nc-09"]),
("gorom", "S2", "2025-06-15", [], "BF", "Sahel Region", "Gorom-Gorom", ["Gorom Gorom"], 14.44, -0.23,
 25, (9, 10, 10), ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"],
 ["nc-06", "nc-07", "nc-08", "nc-09"]),
("lakki", "S3", "2025-03-08", ["2025-03-09"], "PK", "Khyber Pakhtunkhwa", "Lakki Marwat",
 ["Lakki"], 32.61, 70.91, 30, (7, 8, 8), ["Ittehad-ul-Mujahideen Pakistan"],
 ["nc-10", "nc-11", "nc-12"]),
("jamundi", "S4", "2025-07-18", [], "CO", "Valle del Cauca", "Jamundí", ["Jamundi"], 3.26, -76.54, 15,
 (2, 3, 3), ["FARC dissidents", "Estado Mayor Central", "FARC"], ["nc-13", "nc-14", "nc-15"]),
("corinto", "S4", "2025-07-18", [], "CO", "Cauca", "Corinto", [], 3.17, -76.26, 15, (1, 1, 1),
 ["FARC dissidents", "Estado Mayor Central", "FARC"], ["nc-13", "nc-14"]),
("kryvyi", "S5", "2025-09-16", [], "UA", "Dnipropetrovska oblast", "Kryvyi Rih",
 ["Kryvyy Rih", "Krivoy Rog", "Kryvyi Rih"], 47.91, 33.39, 25, (14, 17, 17),
 ["Russia", "Russian forces", "Russian Armed Forces"], ["nc-16", "nc-17", "nc-18"]),
("mandera", "S6", "2025-08-23", [], "KE", "Mandera", "Mandera", [], 3.94, 41.86, 30, (8, 8, 8),
 ["al-Shabaab", "al-Shabab"], ["nc-19", "nc-20", "nc-21"]),
("bokkos", "S7", "2025-10-11", ["2025-10-12"], "NG", "Plateau", "Bokkos", [], 9.30, 8.99, 30,
 (40, 52, 52), [], ["nc-22", "nc-23", "nc-24", "nc-25"]),
("celaya", "S9", "2025-04-06", [], "MX", "Guanajuato", "Celaya", [], 20.52, -100.82, 20, (6, 6, 6),
 [], ["nc-33", "nc-34"]),
("gusau", "S10", "2025-02-11", ["2025-02-12"], "NG", "Zamfara", "Gusau", [], 12.17, 6.66, 20,
 (7, 7, 7), [], ["nc-36", "nc-37"]),
("tsafe", "S10", "2025-02-11", ["2025-02-12"], "NG", "Zamfara", "Tsafe", [], 11.96, 6.92, 20,
 (5, 5, 5), [], ["nc-36", "nc-37"]),
("manbij", "S8", "2025-11-13", [], "SY", "Aleppo Governorate", "Manbij", ["Menbij", "Minbij"],
 36.53, 37.95, 25, (11, 14, 16), [], ["nc-26", "nc-27", "nc-28"]),
("ouallam", "S11", "2025-03-18", [], "NE", "Tillabéri Region", "Ouallam", [], 14.32, 2.09, 40,
 (10, 14, 14), [], ["nc-39", "nc-40", "nc-41"]),
("elobeid", "S12", "2025-10-05", [], "SD", "North Kordofan", "El Obeid", ["El-Obeid", "Al-Ubayyid"],
 13.18, 30.22, 20, (15, 21, 21), ["Rapid Support Forces", "RSF", "FSR"], ["nc-42", "nc-43", "nc-44"]),
("bandiagara", "S13", "2025-01-16", [], "ML", "Mopti Region", "Bandiagara", ["Bankass"], 14.35,
 -3.61, 50, (9, 11, 11), [], ["nc-45", "nc-46"]),
("butembo", "S14", "2025-08-09", ["2025-08-10"], "CD", "Nord-Kivu", "Butembo", [], 0.14, 29.29, 20,
 (6, 8, 8), ["Mai-Mai", "Mai-Mai militia", "Mai Mai"], ["nc-47", "nc-48"]),
("katsinaala", "S15", "2025-09-20", ["2025-09-21"], "NG", "Benue", "Katsina-Ala", ["Tor-Donga"],
 7.17, 9.28, 30, (30, 42, 42), [], ["nc-49", "nc-50"]),
("kajuru", "S16", "2025-05-25", [], "NG", "Kaduna", "Kajuru", [], 10.32, 7.68, 30, (3, 3, 3), [],
 ["nc-51", "nc-52"]),
("beledweyne", "S17", "2025-02-18", [], "SO", "Hiran", "Beledweyne", ["Belet Weyne", "Beledweyn"],
 4.74, 45.20, 20, (13, 31, 31), ["al-Shabaab", "al Shabaab", "al-Shabab"],
 ["nc-54", "nc-55", "nc-56"]),
("ostrava", "S18", "2025-11-05", [], "CZ", "Moravskoslezský kraj", "Ostrava", [], 49.83, 18.28, 15,
 (5, 5, 5), [], ["nc-57", "nc-58"]),
("conakry", "S19", "2025-06-12", [], "GN", "Conakry", "Conakry", [], 9.54, -13.68, 20, (3, 4, 4),
 ["security forces", "Guinean security forces", "police", "military", "military forces"],
 ["nc-59", "nc-60"]),
("tumaco", "S20", "2025-04-26", [], "CO", "Nariño", "Tumaco", [], 1.79, -78.79, 20, (2, 2, 2), [],
 ["nc-61", "nc-62"]),
]

# story: id, killed (low, best, high) or None, background docs
STORIES = {
    "S1": ((12, 19, 23), ["nc-05"]),
    "S2": ((21, 25, 26), []),
    "S3": ((7, 8, 8), []),
    "S4": ((3, 4, 4), []),
    "S5": ((14, 17, 17), []),
    "S6": ((8, 8, 8), ["nc-32"]),
    "S7": ((40, 52, 52), []),
    "S8": ((11, 14, 16), []),
    "S9": ((6, 6, 6), ["nc-35"]),
    "S10": ((12, 14, 14), []),
    "S11": ((10, 14, 14), []),
    "S12": ((15, 21, 21), []),
    "S13": ((9, 11, 11), []),
    "S14": ((6, 8, 8), []),
    "S15": ((30, 42, 42), []),
    "S16": ((3, 3, 3), []),
    "S17": ((13, 31, 31), []),
    "S18": ((5, 5, 5), []),
    "S19": ((3, 4, 4), []),
    "S20": ((2, 2, 2), []),
    "noise": (None, ["nc-29", "nc-30", "nc-31", "nc-38"]),
}


def rng(t):
    return None if t is None else {"low": t[0], "best": t[1], "high": t[2]}


def main():
    with open(os.path.join(HERE, "articles.jsonl"), "w", encoding="utf-8") as f:
        for doc_id, source, published, lang, text in ARTICLES:
            f.write(json.dumps({"doc_id": doc_id, "source": source, "url": None,
                                "published": published, "lang": lang, "text": text},
                               ensure_ascii=False) + "\n")
    incidents = []
    story_docs = {}
    for (iid, sid, date, alt, cc, a1, place, aliases, lat, lon, radius, killed, perps,
         docs) in INCIDENTS:
        story_docs.setdefault(sid, set()).update(docs)
        inc = {"incident_id": iid, "story_id": sid, "date": date, "date_alt": alt, "country": cc,
               "admin1": a1, "place": place, "place_aliases": [place] + aliases, "lat": lat,
               "lon": lon, "radius_km": radius, "perpetrator_aliases": perps,
               "killed": rng(killed), "docs": docs}
        incidents.append(inc)
    stories = [{"story_id": sid, "docs": sorted(story_docs.get(sid, ())),
                "background_docs": bg, "killed": rng(killed)}
               for sid, (killed, bg) in STORIES.items()]
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f:
        json.dump({"schema": "sitrep-gold/1", "stories": stories, "incidents": incidents}, f,
                  indent=1, ensure_ascii=False)
        f.write("\n")


main()
