"""Mentions in French news sentences resolved to canonical entities (sentences written for these tests)."""
from __future__ import annotations

import pytest

from annales.actors import Resolver
from annales.model import DateValue

D2022 = DateValue.day(2022, 9, 15)
D2023 = DateValue.day(2023, 6, 20)
D2024 = DateValue.day(2024, 3, 12)
D2025 = DateValue.day(2025, 4, 2)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.load("fr")


def _find(mentions, surface):
    """The mention covering ``surface`` (its first occurrence)."""
    for mention in mentions:
        if surface in mention.text or mention.text in surface and len(mention.text) > 2:
            return mention
    return None


# (sentence, surface in it, expected entity id, expected country, date)
CASES = [
    # -- transliteration variants and spelling ----------------------------------------------------
    ("Sergueï Lavrov a rencontré mardi son homologue turc à Ankara.", "Sergueï Lavrov", "person:sergey-lavrov", "RUS", D2023),
    ("Sergei Lavrov s'est exprimé devant l'Assemblée générale.", "Sergei Lavrov", "person:sergey-lavrov", "RUS", D2023),
    ("Sergey Lavrov a dénoncé les nouvelles sanctions européennes.", "Sergey Lavrov", "person:sergey-lavrov", "RUS", D2023),
    ("Le ministre Serguei Lavrov est arrivé à New Delhi pour le sommet.", "Serguei Lavrov", "person:sergey-lavrov", "RUS", D2023),
    ("Sergueï Choïgou a inspecté des troupes dans la région de Zaporijia.", "Sergueï Choïgou", "person:sergei-shoigu", "RUS", D2023),
    ("Sergei Shoigu a été reçu par le chef de l'armée iranienne.", "Sergei Shoigu", "person:sergei-shoigu", "RUS", D2023),
    ("Sergey Shoygu a supervisé des exercices navals en mer Baltique.", "Sergey Shoygu", "person:sergei-shoigu", "RUS", D2023),
    ("Vladimir Poutine a promulgué la loi vendredi.", "Vladimir Poutine", "person:vladimir-putin", "RUS", D2023),
    ("Vladimir Putin a reçu le président chinois au Kremlin.", "Vladimir Putin", "person:vladimir-putin", "RUS", D2023),
    ("Volodymyr Zelensky a appelé ses alliés à livrer davantage de défenses aériennes.", "Volodymyr Zelensky", "person:volodymyr-zelenskyy", "UKR", D2023),
    ("Volodymyr Zelenskyy s'est rendu à Washington jeudi.", "Volodymyr Zelenskyy", "person:volodymyr-zelenskyy", "UKR", D2023),
    ("Volodymyr Zelenski a limogé plusieurs responsables régionaux.", "Volodymyr Zelenski", "person:volodymyr-zelenskyy", "UKR", D2023),
    ("Kim Jong-un a supervisé un nouveau tir de missile.", "Kim Jong-un", "person:kim-jong-un", "PRK", D2023),
    ("Kim Jong Un a inspecté une usine de munitions.", "Kim Jong Un", "person:kim-jong-un", "PRK", D2023),
    ("Kim Jong-Un a présidé une réunion du bureau politique.", "Kim Jong-Un", "person:kim-jong-un", "PRK", D2023),
    ("Choe Son Hui a dirigé la délégation à Oulan-Bator.", "Choe Son Hui", "person:choe-son-hui", "PRK", D2023),
    ("Choe Son-hui a dénoncé les manœuvres conjointes.", "Choe Son-hui", "person:choe-son-hui", "PRK", D2023),
    ("Choe Sun Hui a été reçue par le ministre mongol.", "Choe Sun Hui", "person:choe-son-hui", "PRK", D2023),
    ("Dmitri Peskov a refusé de commenter ces informations.", "Dmitri Peskov", "person:dmitry-peskov", "RUS", D2023),
    ("Dmitry Peskov a jugé ces propos inacceptables.", "Dmitry Peskov", "person:dmitry-peskov", "RUS", D2023),
    ("Maria Zakharova a qualifié la déclaration de provocation.", "Maria Zakharova", "person:maria-zakharova", "RUS", D2023),
    ("Evgueni Prigojine a annoncé le retrait de ses hommes de Bakhmout.", "Evgueni Prigojine", "person:yevgeny-prigozhin", "RUS", D2023),
    ("Benyamin Netanyahou a réuni son cabinet de guerre dimanche.", "Benyamin Netanyahou", "person:benjamin-netanyahu", "ISR", D2024),
    ("Benjamin Netanyahu a rejeté l'appel au cessez-le-feu.", "Benjamin Netanyahu", "person:benjamin-netanyahu", "ISR", D2024),
    ("Mohammed ben Salmane a reçu le secrétaire d'État à Riyad.", "Mohammed ben Salmane", "person:mohammed-bin-salman", "SAU", D2024),
    ("Mohammed bin Salman a annoncé un plan d'investissements.", "Mohammed bin Salman", "person:mohammed-bin-salman", "SAU", D2024),
    ("Bachar al-Assad a rencontré une délégation iranienne à Damas.", "Bachar al-Assad", "person:bashar-al-assad", "SYR", D2023),
    ("Bashar al-Assad a participé au sommet de la Ligue arabe.", "Bashar al-Assad", "person:bashar-al-assad", "SYR", D2023),
    ("Ebrahim Raïssi a promis une riposte.", "Ebrahim Raïssi", "person:ebrahim-raisi", "IRN", D2023),
    ("Ali Khamenei a pris la parole lors de la prière du vendredi.", "Ali Khamenei", "person:ali-khamenei", "IRN", D2023),
    ("Recep Tayyip Erdogan a proposé sa médiation.", "Recep Tayyip Erdogan", "person:recep-tayyip-erdogan", "TUR", D2023),
    ("Alexandre Loukachenko a accueilli les combattants de Wagner.", "Alexandre Loukachenko", "person:alexander-lukashenko", "BLR", D2023),
    ("Dmytro Kouleba a plaidé pour l'adhésion à l'Otan.", "Dmytro Kouleba", "person:dmytro-kuleba", "UKR", D2023),
    ("Dmytro Kuleba a rencontré ses homologues européens à Bruxelles.", "Dmytro Kuleba", "person:dmytro-kuleba", "UKR", D2023),
    ("Xi Jinping a appelé à une solution politique.", "Xi Jinping", "person:xi-jinping", "CHN", D2023),
    ("Wang Yi a reçu le conseiller américain à la sécurité nationale.", "Wang Yi", "person:wang-yi", "CHN", D2023),
    ("Abdel Fattah al-Sissi a reçu le chef de la CIA au Caire.", "Abdel Fattah al-Sissi", "person:abdel-fattah-el-sisi", "EGY", D2024),
    ("Ismaïl Haniyeh a été tué à Téhéran.", "Ismaïl Haniyeh", "person:ismail-haniyeh", "PSE", D2024),
    ("Antony Blinken a entamé une nouvelle tournée au Proche-Orient.", "Antony Blinken", "person:antony-blinken", "USA", D2024),
    ("Annalena Baerbock a plaidé pour une pause humanitaire.", "Annalena Baerbock", "person:annalena-baerbock", "DEU", D2024),
    ("Emmanuel Macron a reçu à l'Élysée le chancelier allemand.", "Emmanuel Macron", "person:emmanuel-macron", "FRA", D2024),
    ("Lula a défendu la création d'un club de la paix.", "Lula", "person:luiz-inacio-lula-da-silva", "BRA", D2023),
    ("Narendra Modi a été accueilli à Kiev par son homologue.", "Narendra Modi", "person:narendra-modi", "IND", D2024),
    ("Kassym-Jomart Tokaïev a reçu la délégation russe à Astana.", "Kassym-Jomart Tokaïev", "person:kassym-jomart-tokayev", "KAZ", D2024),
    ("Nikol Pachinian a annoncé le gel de la participation de l'Arménie à l'OTSC.", "Nikol Pachinian", "person:nikol-pashinyan", "ARM", D2024),
    ("Hassan Nasrallah a prononcé un discours télévisé.", "Hassan Nasrallah", "person:hassan-nasrallah", "LBN", D2023),
    ("Abbas Araghchi a rejeté toute négociation directe.", "Abbas Araghchi", "person:abbas-araghchi", "IRN", D2025),
    ("Ahmed al-Charaa a été reçu à l'Élysée.", "Ahmed al-Charaa", "person:ahmed-al-sharaa", "SYR", D2025),
    ("Abou Mohammed al-Jolani a proclamé la chute du régime.", "Abou Mohammed al-Jolani", "person:ahmed-al-sharaa", "SYR", D2025),
    # -- surname-only and honorifics resolved in the document -------------------------------------
    ("Le ministre russe des Affaires étrangères Sergueï Lavrov est arrivé à Pékin. M. Lavrov doit rencontrer Wang Yi.", "M. Lavrov", "person:sergey-lavrov", "RUS", D2024),
    ("Le président ukrainien Volodymyr Zelensky était à Berlin. Zelensky a remercié l'Allemagne.", "Zelensky a", "person:volodymyr-zelenskyy", "UKR", D2024),
    ("Kim Jong Un a reçu le ministre russe de la Défense. Selon KCNA, Kim a salué la coopération.", "Kim a", "person:kim-jong-un", "PRK", D2023),
    ("Le chef de la diplomatie nord-coréenne Choe Son Hui a quitté Moscou. Choe a qualifié la visite de succès.", "Choe a", "person:choe-son-hui", "PRK", D2024),
    ("Le porte-parole du gouvernement malien, Abdoulaye Maïga, a dénoncé l'attaque. M. Maïga a appelé au calme.", "M. Maïga", "person:abdoulaye-maiga", "MLI", D2023),
    ("Le ministre kényan de l'Intérieur Kithure Kindiki a visité le camp. Kindiki a promis des renforts.", "Kindiki a", "person:kithure-kindiki", "KEN", D2023),
    ("Erdogan a reçu Poutine à Sotchi, selon Ankara.", "Erdogan", "person:recep-tayyip-erdogan", "TUR", D2023),
    ("Poutine et Xi ont signé une déclaration commune.", "Poutine", "person:vladimir-putin", "RUS", D2023),
    ("Selon Macron, l'Europe doit se réarmer.", "Macron", "person:emmanuel-macron", "FRA", D2024),
    ("Netanyahou a averti que l'opération se poursuivrait.", "Netanyahou", "person:benjamin-netanyahu", "ISR", D2024),
    # -- titles resolved by date -------------------------------------------------------------------
    ("Le président américain a signé le décret jeudi.", "président américain", "person:joe-biden", "USA", D2023),
    ("Le président américain a signé le décret jeudi.", "président américain", "person:donald-trump", "USA", D2025),
    ("Le président américain a menacé de nouveaux droits de douane.", "président américain", "person:donald-trump", "USA", DateValue.day(2019, 5, 10)),
    ("Le président des États-Unis a reçu son homologue kényan.", "président des États-Unis", "person:joe-biden", "USA", D2024),
    ("Le ministre russe des Affaires étrangères a dénoncé une provocation.", "ministre russe des Affaires étrangères", "person:sergey-lavrov", "RUS", D2024),
    ("Le chef de la diplomatie russe a qualifié ces accusations d'absurdes.", "chef de la diplomatie russe", "person:sergey-lavrov", "RUS", D2024),
    ("Le chef de la diplomatie américaine est attendu à Kiev.", "chef de la diplomatie américaine", "person:antony-blinken", "USA", D2024),
    ("Le chef de la diplomatie américaine est attendu à Kiev.", "chef de la diplomatie américaine", "person:marco-rubio", "USA", D2025),
    ("Le secrétaire d'État américain a rencontré le prince héritier saoudien.", "secrétaire d'État américain", "person:antony-blinken", "USA", D2024),
    ("Le ministre russe de la Défense a limogé un général.", "ministre russe de la Défense", "person:sergei-shoigu", "RUS", D2023),
    ("Le ministre russe de la Défense a limogé un général.", "ministre russe de la Défense", "person:andrey-belousov", "RUS", D2025),
    ("Le Premier ministre britannique a annoncé des élections anticipées.", "Premier ministre britannique", "person:rishi-sunak", "GBR", D2024),
    ("Le Premier ministre britannique a reçu Zelensky à Downing Street.", "Premier ministre britannique", "person:keir-starmer", "GBR", D2025),
    ("Le Premier ministre britannique a démissionné après six semaines.", "Premier ministre britannique", "person:liz-truss", "GBR", DateValue.day(2022, 10, 20)),
    ("Le chancelier allemand a annoncé des livraisons de chars.", "chancelier allemand", "person:olaf-scholz", "DEU", D2023),
    ("Le chancelier allemand a annoncé des livraisons de missiles.", "chancelier allemand", "person:friedrich-merz", "DEU", DateValue.day(2025, 6, 1)),
    ("La chancelière allemande a défendu le gazoduc.", "chancelière allemande", "person:angela-merkel", "DEU", DateValue.day(2019, 3, 1)),
    ("Le président français a appelé à une trêve olympique.", "président français", "person:emmanuel-macron", "FRA", D2024),
    ("Le Premier ministre israélien a rejeté la proposition.", "Premier ministre israélien", "person:benjamin-netanyahu", "ISR", D2024),
    ("Le Premier ministre israélien a rejeté la proposition.", "Premier ministre israélien", "person:naftali-bennett", "ISR", DateValue.day(2021, 12, 1)),
    ("Le président iranien a présenté ses condoléances.", "président iranien", "person:ebrahim-raisi", "IRN", D2023),
    ("Le président iranien a présenté ses condoléances.", "président iranien", "person:masoud-pezeshkian", "IRN", D2025),
    ("Le guide suprême iranien a mis en garde Israël.", "guide suprême iranien", "person:ali-khamenei", "IRN", D2024),
    ("Le dirigeant nord-coréen a assisté au défilé militaire.", "dirigeant nord-coréen", "person:kim-jong-un", "PRK", D2023),
    ("Le dirigeant chinois a reçu le chancelier à Pékin.", "dirigeant chinois", "person:xi-jinping", "CHN", D2024),
    ("Le dirigeant israélien s'est adressé au Congrès américain.", "dirigeant israélien", "person:benjamin-netanyahu", "ISR", D2024),
    ("Le président turc a bloqué l'adhésion de la Suède.", "président turc", "person:recep-tayyip-erdogan", "TUR", D2023),
    ("Le président sud-coréen a décrété la loi martiale.", "président sud-coréen", "person:yoon-suk-yeol", "KOR", DateValue.day(2024, 12, 3)),
    ("Le ministre ukrainien de la Défense a été remplacé.", "ministre ukrainien de la Défense", "person:oleksii-reznikov", "UKR", D2023),
    ("Le ministre ukrainien des Affaires étrangères s'est rendu à Pékin.", "ministre ukrainien des Affaires étrangères", "person:dmytro-kuleba", "UKR", D2024),
    ("Le ministre ukrainien des Affaires étrangères s'est rendu à Pékin.", "ministre ukrainien des Affaires étrangères", "person:andrii-sybiha", "UKR", D2025),
    ("Le ministre des Affaires étrangères de la Chine a appelé à la retenue.", "ministre des Affaires étrangères de la Chine", "person:wang-yi", "CHN", D2024),
    ("Le ministre chinois des Affaires étrangères a été limogé.", "ministre chinois des Affaires étrangères", "person:qin-gang", "CHN", DateValue.day(2023, 7, 1)),
    ("Le secrétaire général de l'ONU a exhorté les parties au dialogue.", "secrétaire général de l'ONU", "person:antonio-guterres", None, D2024),
    ("Le secrétaire général de l'Otan a salué l'adhésion de la Finlande.", "secrétaire général de l'Otan", "person:jens-stoltenberg", None, D2023),
    ("Le secrétaire général de l'Otan a salué la hausse des budgets.", "secrétaire général de l'Otan", "person:mark-rutte", None, D2025),
    ("Le directeur général de l'AIEA a visité la centrale.", "directeur général de l'AIEA", "person:rafael-grossi", None, D2024),
    ("La présidente de la Commission européenne a présenté le plan.", "présidente de la Commission européenne", "person:ursula-von-der-leyen", None, D2024),
    ("Le porte-parole du Kremlin a démenti toute négociation.", "porte-parole du Kremlin", "person:dmitry-peskov", "RUS", D2024),
    ("La porte-parole de la diplomatie russe a fustigé Paris.", "porte-parole de la diplomatie russe", "person:maria-zakharova", "RUS", D2024),
    ("La porte-parole de la Maison Blanche a refusé de commenter.", "porte-parole de la Maison Blanche", "person:karoline-leavitt", "USA", D2025),
    ("Le porte-parole du département d'État a annoncé de nouvelles sanctions.", "porte-parole du département d'État", "person:matthew-miller", "USA", D2024),
    ("Le roi de Jordanie a mis en garde contre une escalade.", "roi de Jordanie", "person:abdullah-ii-of-jordan", "JOR", D2024),
    ("L'émir du Qatar a reçu les négociateurs.", "émir du Qatar", "person:tamim-bin-hamad-al-thani", "QAT", D2024),
    ("Le prince héritier saoudien a reçu le président syrien.", "prince héritier saoudien", "person:mohammed-bin-salman", "SAU", D2025),
    ("Le Premier ministre indien est arrivé à Moscou.", "Premier ministre indien", "person:narendra-modi", "IND", D2024),
    ("Le Premier ministre japonais a annoncé sa démission.", "Premier ministre japonais", "person:fumio-kishida", "JPN", D2024),
    ("Le président brésilien a proposé une médiation.", "président brésilien", "person:luiz-inacio-lula-da-silva", "BRA", D2023),
    ("Le président argentin a rencontré Elon Musk.", "président argentin", "person:javier-milei", "ARG", D2024),
    ("Le Premier ministre hongrois a bloqué l'aide européenne.", "Premier ministre hongrois", "person:viktor-orban", "HUN", D2024),
    ("Le Premier ministre polonais a exigé des garanties.", "Premier ministre polonais", "person:donald-tusk", "POL", D2024),
    ("Le président biélorusse a proposé d'accueillir les négociations.", "président biélorusse", "person:alexander-lukashenko", "BLR", D2023),
    ("La Première ministre italienne a rencontré le président tunisien.", "Première ministre italienne", "person:giorgia-meloni", "ITA", D2024),
    ("Le président tunisien a rejeté les conditions du FMI.", "président tunisien", "person:kais-saied", "TUN", D2024),
    ("Le chef de la diplomatie européenne a condamné l'attaque.", "chef de la diplomatie européenne", "person:josep-borrell", None, D2024),
    ("La cheffe de la diplomatie européenne a convoqué les ministres.", "cheffe de la diplomatie européenne", "person:kaja-kallas", None, D2025),
    ("Le porte-parole de l'armée israélienne a annoncé la fin de l'opération.", "porte-parole de l'armée israélienne", "person:daniel-hagari", "ISR", D2024),
    ("Le ministre argentin des Affaires étrangères a démissionné.", "ministre argentin des Affaires étrangères", "person:diana-mondino", "ARG", DateValue.day(2024, 10, 29)),
    ("Le maître du Kremlin a réuni son Conseil de sécurité.", "maître du Kremlin", "person:vladimir-putin", "RUS", D2024),
    ("Le locataire de la Maison Blanche a promis la paix en vingt-quatre heures.", "locataire de la Maison Blanche", "person:donald-trump", "USA", D2025),
    ("Le locataire de Matignon a engagé la responsabilité du gouvernement.", "locataire de Matignon", "person:michel-barnier", "FRA", DateValue.day(2024, 12, 2)),
    # -- titles with a name: known people and new people from appositions -------------------------
    ("Le ministre russe de l'Industrie Anton Alikhanov a visité l'usine.", "Anton Alikhanov", "person:anton-alikhanov", "RUS", D2025),
    ("Le porte-parole de l'armée israélienne, Daniel Hagari, a confirmé la frappe.", "Daniel Hagari", "person:daniel-hagari", "ISR", D2024),
    ("L'ambassadeur chinois Lu Shaye a provoqué une polémique.", "Lu Shaye", "person:lu-shaye", "CHN", D2023),
    ("Son homologue nord-coréenne Pak Myong Ho a salué l'accord.", "Pak Myong Ho", "person:pak-myong-ho", "PRK", D2024),
    ("Le général ukrainien Mykola Oleshchuk a été démis de ses fonctions.", "Mykola Oleshchuk", "person:mykola-oleshchuk", "UKR", D2024),
    ("Le vice-ministre russe des Affaires étrangères Andreï Roudenko a reçu l'ambassadeur.", "Andreï Roudenko", "person:andrei-roudenko", "RUS", D2024),
    ("Le diplomate iranien Ali Bagheri Kani a mené les discussions à Vienne.", "Ali Bagheri Kani", "person:ali-bagheri-kani", "IRN", D2023),
    ("Le ministre japonais de la Défense Minoru Kihara a visité Manille.", "Minoru Kihara", "person:minoru-kihara", "JPN", D2024),
    ("Le président américain Joe Biden a reçu le roi Abdallah II.", "Joe Biden", "person:joe-biden", "USA", D2024),
    ("Le ministre turc des Affaires étrangères Hakan Fidan a appelé au calme.", "Hakan Fidan", "person:hakan-fidan", "TUR", D2024),
    ("Le ministre saoudien des Affaires étrangères, Fayçal ben Farhane, était à Washington.", "Fayçal ben Farhane", "person:faisal-bin-farhan", "SAU", D2024),
    ("L'opposante bélarusse Maria Kolesnikova a été libérée.", "Maria Kolesnikova", "person:maria-kolesnikova", "BLR", D2025),
    ("Le Premier ministre palestinien Mohammad Mustafa a présenté son gouvernement.", "Mohammad Mustafa", "person:mohammad-mustafa", "PSE", D2024),
    ("Yahya Sinouar, chef du Hamas à Gaza, a été tué par l'armée israélienne.", "Yahya Sinouar", "person:yahya-sinwar", "PSE", D2024),
    ("Le ministre malien des Affaires étrangères Abdoulaye Diop a convoqué l'ambassadeur.", "Abdoulaye Diop", "person:abdoulaye-diop", "MLI", D2024),
    ("Jake Sullivan, conseiller américain à la sécurité nationale, s'est rendu à Riyad.", "Jake Sullivan", "person:jake-sullivan", "USA", D2024),
    ("Un haut responsable du Hamas, Bassem Naïm, a confirmé l'accord.", "Bassem Naïm", "person:bassem-naim", "PSE", D2024),
    ("Le porte-parole de l'ONU Farhan Haq a appelé à la retenue.", "Farhan Haq", "person:farhan-haq", None, D2024),
    ("Oleksandr Syrsky, commandant en chef de l'armée ukrainienne, a reconnu des difficultés.", "Oleksandr Syrsky", "person:oleksandr-syrskyi", "UKR", D2024),
    ("Le vice-ministre nord-coréen des Affaires étrangères Kim Son Gyong a dénoncé Washington.", "Kim Son Gyong", "person:kim-son-gyong", "PRK", D2024),
    ("Le chef d'état-major de l'armée sud-coréenne, le général Kim Myung-soo, a averti Pyongyang.", "Kim Myung-soo", "person:kim-myung-soo", "KOR", D2024),
    ("L'amiral russe Nikolaï Evmenov a été limogé par le Kremlin.", "Nikolaï Evmenov", "person:nikolai-evmenov", "RUS", D2024),
    ("La Première ministre danoise Mette Frederiksen a reçu le vice-président américain.", "Mette Frederiksen", "person:mette-frederiksen", "DNK", D2025),
    ("Le vice-président américain a rencontré les dirigeants européens à Munich.", "vice-président américain", "person:jd-vance", "USA", D2025),
    ("Mikhaïl Michoustine a présidé le conseil des ministres.", "Mikhaïl Michoustine", "person:mikhail-mishustin", "RUS", D2024),
    ("Le conseiller diplomatique du Kremlin Iouri Ouchakov a confirmé la rencontre.", "Iouri Ouchakov", "person:yuri-ushakov", "RUS", D2024),
    # -- states: names, acronyms, metonyms, demonyms as nouns --------------------------------------
    ("La Russie a annoncé des manœuvres navales.", "Russie", "RUS", "RUS", D2024),
    ("La Corée du Nord a tiré deux missiles balistiques.", "Corée du Nord", "PRK", "PRK", D2024),
    ("La RPDC a rejeté la résolution.", "RPDC", "PRK", "PRK", D2024),
    ("Les États-Unis ont imposé de nouvelles sanctions.", "États-Unis", "USA", "USA", D2024),
    ("Les Etats-Unis ont condamné l'essai.", "Etats-Unis", "USA", "USA", D2024),
    ("Le Royaume-Uni a expulsé un diplomate.", "Royaume-Uni", "GBR", "GBR", D2024),
    ("L'Arabie saoudite a rétabli ses relations avec l'Iran.", "Arabie saoudite", "SAU", "SAU", D2023),
    ("Les Émirats arabes unis ont servi de médiateur.", "Émirats arabes unis", "ARE", "ARE", D2024),
    ("La Corée du Sud a convoqué l'ambassadeur.", "Corée du Sud", "KOR", "KOR", D2024),
    ("La Chine a dénoncé une ingérence.", "Chine", "CHN", "CHN", D2024),
    ("La Biélorussie a accueilli des armes nucléaires tactiques.", "Biélorussie", "BLR", "BLR", D2023),
    ("Moscou a affirmé que l'attaque avait été repoussée.", "Moscou", "RUS", "RUS", D2024),
    ("Pékin a averti Taïwan contre toute provocation.", "Pékin", "CHN", "CHN", D2024),
    ("Washington a salué la libération des otages.", "Washington", "USA", "USA", D2024),
    ("Kiev a revendiqué la frappe.", "Kiev", "UKR", "UKR", D2024),
    ("Téhéran a menacé de riposter.", "Téhéran", "IRN", "IRN", D2024),
    ("Pyongyang a qualifié les exercices de répétition d'invasion.", "Pyongyang", "PRK", "PRK", D2024),
    ("Séoul a suspendu l'accord militaire.", "Séoul", "KOR", "KOR", D2024),
    ("Le Kremlin a démenti ces informations.", "Kremlin", "RUS", "RUS", D2024),
    ("La Maison Blanche a annoncé une aide supplémentaire.", "Maison Blanche", "USA", "USA", D2024),
    ("La Maison-Blanche a démenti toute rencontre.", "Maison-Blanche", "USA", "USA", D2024),
    ("L'Élysée a confirmé l'appel entre les deux présidents.", "Élysée", "FRA", "FRA", D2024),
    ("Downing Street a démenti toute négociation.", "Downing Street", "GBR", "GBR", D2024),
    ("Les Russes ont progressé près de Pokrovsk.", "Russes", "RUS", "RUS", D2024),
    ("Les Américains ont intercepté un drone.", "Américains", "USA", "USA", D2024),
    ("Les Israéliens ont intensifié leurs frappes.", "Israéliens", "ISR", "ISR", D2024),
    ("Le gouvernement russe a adopté un nouveau budget.", "gouvernement russe", "RUS", "RUS", D2024),
    ("Les autorités nord-coréennes ont fermé la frontière.", "autorités nord-coréennes", "PRK", "PRK", D2024),
    ("La diplomatie française a convoqué l'ambassadeur.", "diplomatie française", "FRA", "FRA", D2024),
    ("Le régime iranien a exécuté deux manifestants.", "régime iranien", "IRN", "IRN", D2023),
    ("Dans un communiqué, le Nord a dénoncé les manœuvres de Séoul et de Washington.", "le Nord", "PRK", "PRK", D2024),
    # -- organizations, groups and national bodies -------------------------------------------------
    ("L'ONU a demandé un accès humanitaire.", "ONU", "org:un", None, D2024),
    ("Les Nations unies ont suspendu leurs opérations.", "Nations unies", "org:un", None, D2024),
    ("L'Otan a renforcé son flanc est.", "Otan", "org:nato", None, D2024),
    ("L'OTAN a tenu un sommet à Vilnius.", "OTAN", "org:nato", None, D2023),
    ("L'Union européenne a adopté un quatorzième paquet de sanctions.", "Union européenne", "org:eu", None, D2024),
    ("L'UE a gelé les avoirs de la banque centrale.", "UE", "org:eu", None, D2024),
    ("Le G7 a promis un prêt à l'Ukraine.", "G7", "org:g7", None, D2024),
    ("L'AIEA a exprimé son inquiétude.", "AIEA", "org:iaea", None, D2024),
    ("Le Conseil de sécurité de l'ONU s'est réuni en urgence.", "Conseil de sécurité de l'ONU", "org:un-security-council", None, D2024),
    ("La Cour pénale internationale a émis un mandat d'arrêt.", "Cour pénale internationale", "org:icc", None, D2023),
    ("Le Hamas a libéré quatre otages.", "Hamas", "group:hamas", "PSE", D2024),
    ("Le Hezbollah a tiré des roquettes sur le nord d'Israël.", "Hezbollah", "group:hezbollah", "LBN", D2024),
    ("Les Houthis ont attaqué un cargo en mer Rouge.", "Houthis", "group:houthis", "YEM", D2024),
    ("Les talibans ont interdit l'accès des femmes à l'université.", "talibans", "group:taliban", "AFG", D2023),
    ("Le groupe Wagner a quitté le Mali.", "groupe Wagner", "group:wagner", "RUS", D2025),
    ("Le ministère russe de la Défense a revendiqué la prise du village.", "ministère russe de la Défense", "org:rus-defence-ministry", "RUS", D2024),
    ("Le ministère des Affaires étrangères nord-coréen a publié un communiqué.", "ministère des Affaires étrangères nord-coréen", "org:prk-foreign-ministry", "PRK", D2024),
    ("L'armée israélienne a ordonné l'évacuation du quartier.", "armée israélienne", "org:isr-armed-forces", "ISR", D2024),
    ("Le Pentagone a annoncé l'envoi de deux porte-avions.", "Pentagone", "org:usa-pentagon", "USA", D2024),
    ("Les Gardiens de la révolution ont saisi un pétrolier.", "Gardiens de la révolution", "org:irn-irgc", "IRN", D2024),
    ("Tsahal a confirmé la mort de trois soldats.", "Tsahal", "org:isr-idf", "ISR", D2024),
]


@pytest.mark.parametrize("sentence, surface, expected, country, date", CASES,
                         ids=[f"{i:03d}-{c[1][:30]}" for i, c in enumerate(CASES)])
def test_mention_resolves(nlp, resolver, sentence, surface, expected, country, date):
    doc = nlp(sentence)
    mentions = resolver.mentions(doc, date)
    mention = _find(mentions, surface)
    assert mention is not None, f"no mention for {surface!r} in {[m.text for m in mentions]}"
    assert mention.entity is not None, f"{mention} has no entity"
    assert mention.entity.id == expected, mention
    assert mention.entity.country == country, mention
    assert sentence[mention.start:mention.end] == mention.text
    assert doc._.actors == mentions


PLACES = [
    ("Des explosions ont été entendues à Kharkiv dans la nuit.", "Kharkiv", "UKR"),
    ("Les combats se poursuivent autour de Marioupol.", "Marioupol", "UKR"),
    ("Les troupes ukrainiennes sont entrées dans la région de Koursk.", "région de Koursk", "RUS"),
    ("Kim a visité le cosmodrome de Vostotchny avec le président russe.", "cosmodrome de Vostotchny", "RUS"),
    ("Le sommet s'est tenu à Vladivostok.", "Vladivostok", "RUS"),
    ("Une frappe a touché un immeuble à Odessa.", "Odessa", "UKR"),
    ("Le convoi est entré dans la bande de Gaza par le sud.", "bande de Gaza", "PSE"),
    ("Les colons ont attaqué un village de Cisjordanie.", "Cisjordanie", "PSE"),
    ("Des drones ont visé la centrale de Zaporijia.", "centrale de Zaporijia", "UKR"),
    ("Le navire a été attaqué au large de Hodeïda.", "Hodeïda", "YEM"),
    ("Les négociations ont repris à Genève.", "Genève", "CHE"),
    ("Le Premier ministre est arrivé à Pékin mardi.", "Pékin", "CHN"),
    ("La délégation a atterri à Séoul.", "Séoul", "KOR"),
    ("Le sommet de l'Otan s'ouvre à Washington.", "Washington", "USA"),
    ("Des manifestations ont eu lieu à Tbilissi.", "Tbilissi", "GEO"),
    ("Un essai nucléaire a été mené à Punggye-ri selon Séoul.", "Punggye-ri", "PRK"),
    ("Le porte-avions a traversé le détroit de Taïwan.", "détroit de Taïwan", None),
    ("Les combats ont repris au Darfour.", "Darfour", "SDN"),
    ("Des roquettes ont été tirées depuis le Liban-Sud.", "Liban-Sud", "LBN"),
    ("Les forces russes ont bombardé Kherson.", "Kherson", "UKR"),
]


@pytest.mark.parametrize("sentence, surface, country", PLACES, ids=[p[1] for p in PLACES])
def test_place_mentions_have_country_and_coordinates(nlp, resolver, sentence, surface, country):
    mentions = resolver.mentions(nlp(sentence), D2024)
    mention = _find(mentions, surface)
    assert mention is not None and mention.place is not None, [m.text for m in mentions]
    assert mention.place.country == country
    assert mention.place.lat is not None and mention.place.lon is not None


def test_capital_after_a_preposition_is_a_place_not_an_actor(nlp, resolver):
    mentions = resolver.mentions(nlp("Le ministre est arrivé à Moscou mercredi."), D2024)
    moscow = _find(mentions, "Moscou")
    assert moscow.entity is None and moscow.place.country == "RUS"


def test_ambiguous_adjective_follows_the_story(nlp, resolver):
    text = ("La Corée du Sud et les États-Unis ont mené des exercices. Le ministre coréen de la Défense "
            "a salué leur succès à Séoul.")
    mention = _find(resolver.mentions(nlp(text), D2024), "ministre coréen de la Défense")
    assert mention.entity.country == "KOR"


def test_former_office_holders_are_not_todays(nlp, resolver):
    mentions = resolver.mentions(nlp("L'ancien président américain a critiqué son successeur."), D2024)
    assert not [m for m in mentions if m.entity and m.entity.kind == "person"]
    text = "L'ancien président américain Barack Obama a soutenu la candidate démocrate."
    obama = _find(resolver.mentions(nlp(text), D2024), "Barack Obama")
    assert obama.entity.id == "person:barack-obama" and obama.role is None


def test_congo_alone_is_the_democratic_republic(nlp, resolver):
    mention = _find(resolver.mentions(nlp("Le Congo a accusé le Rwanda de soutenir le M23."), D2024), "Congo")
    assert mention.entity.id == "COD"


def test_the_north_needs_a_korean_story(nlp, resolver):
    mentions = resolver.mentions(nlp("Le Nord du pays a été touché par des inondations."), D2024)
    assert not [m for m in mentions if m.entity and m.entity.id == "PRK"]


def test_new_person_keeps_one_id_within_the_document(nlp, resolver):
    text = ("Le ministre russe de l'Agriculture Oksana Lout a signé l'accord. "
            "Selon Mme Lout, les livraisons de blé commenceront en mars.")
    mentions = [m for m in resolver.mentions(nlp(text), D2025) if m.entity and m.entity.kind == "person"]
    assert {m.entity.id for m in mentions} == {"person:oksana-lout"}
    assert all(m.entity.country == "RUS" for m in mentions)


def test_a_new_persons_state_holds_for_every_mention(nlp, resolver):
    text = ("Ghana : l'ancien président John Mahama remporte la présidentielle. L'ancien chef de l'État "
            "ghanéen John Mahama a remporté l'élection dès le premier tour.")
    people = [m for m in resolver.mentions(nlp(text), D2024) if m.entity and m.entity.kind == "person"]
    assert len(people) == 2 and {m.entity for m in people} == {
        resolver.resolve("John Mahama").__class__("person:john-mahama", "John Mahama", "person", "GHA")}


def test_short_common_words_are_not_surnames(nlp, resolver):
    mentions = resolver.mentions(nlp("Le rapport publié en May par Dan, un chercheur, a été salué."), D2024)
    assert not [m for m in mentions if m.entity and m.entity.kind == "person"]
    xi = _find(resolver.mentions(nlp("Lundi, le Kremlin a indiqué que Xi serait reçu à Moscou."), D2024), "Xi")
    assert xi is not None and xi.entity.id == "person:xi-jinping"


def test_untagged_korean_name_as_subject_is_a_person(nlp, resolver):
    text = "Pyongyang a réagi. Ri Il Hwan a dénoncé les sanctions. Air France a annoncé des vols."
    people = [m for m in resolver.mentions(nlp(text), D2024) if m.entity and m.entity.kind == "person"]
    assert [m.text for m in people] == ["Ri Il Hwan"]


def test_role_of_the_title_is_kept(nlp, resolver):
    mention = _find(resolver.mentions(nlp("Le chef de la diplomatie russe a quitté Pékin."), D2024),
                    "chef de la diplomatie russe")
    assert mention.role == "foreign_minister"


def test_mentions_use_the_document_anchor_when_no_date_is_given(nlp, resolver):
    doc = nlp("Le président américain a reçu les dirigeants du G7.")
    doc._.anchor = DateValue.day(2021, 6, 1)
    mention = _find(resolver.mentions(doc), "président américain")
    assert mention.entity.id == "person:joe-biden"


def test_mentions_are_in_text_order_and_do_not_overlap(nlp, resolver):
    text = ("Le président russe Vladimir Poutine a reçu à Moscou le dirigeant nord-coréen Kim Jong Un, "
            "a annoncé le Kremlin, selon l'agence Tass.")
    mentions = resolver.mentions(nlp(text), D2024)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start


@pytest.mark.parametrize("text, surface, expected", [
    ("Le ministre iranien des Affaires étrangères Abbas Araghchi est arrivé à Oman. Le ministre iranien "
     "a qualifié les pourparlers de constructifs.", "ministre iranien a", "person:abbas-araghchi"),
    ("Le chef de la diplomatie turque Hakan Fidan a reçu Sergueï Lavrov. Son homologue russe a salué "
     "la médiation d'Ankara.", "homologue russe", "person:sergey-lavrov"),
    ("Le ministre russe de l'Énergie Sergueï Tsiviliov a signé un accord à Bakou. Le ministre russe "
     "a promis des livraisons de gaz.", "ministre russe a", "person:serguei-tsiviliov"),
])
def test_nameless_title_points_back_to_the_person_introduced(nlp, resolver, text, surface, expected):
    mentions = resolver.mentions(nlp(text), D2025)
    later = [m for m in mentions if m.start > text.index(".")]
    mention = _find(later, surface)
    assert mention is not None and mention.entity.id == expected, later


def test_nameless_title_without_an_earlier_person_is_the_state(nlp, resolver):
    mentions = resolver.mentions(nlp("Un haut diplomate nord-coréen a dénoncé les sanctions."), D2024)
    assert _find(mentions, "haut diplomate nord-coréen").entity.id == "PRK"


def test_dateline_capital_is_a_place(nlp, resolver):
    mentions = resolver.mentions(nlp("MOSCOU (AFP) – La Russie a annoncé de nouvelles mesures."), D2024)
    dateline = _find(mentions, "MOSCOU")
    assert dateline.entity is None and dateline.place.country == "RUS"


def test_town_read_as_a_person_by_the_model_is_a_place(nlp, resolver):
    mentions = resolver.mentions(nlp("Des frappes ont touché Khan Younès et Jabaliya dans la nuit."), D2024)
    town = _find(mentions, "Khan Younès")
    assert town is not None and town.entity is None and town.place.country == "PSE"


@pytest.mark.parametrize("sentence, name", [
    ("Dominique de Villepin a critiqué mardi la politique israélienne.", "Dominique de Villepin"),
    ("Jordan Bardella a dénoncé l'accord avec le Mercosur.", "Jordan Bardella"),
    ("Israël Katz a menacé le Hezbollah.", "Israël Katz"),
])
def test_a_state_name_that_opens_a_person_name_is_a_first_name(nlp, resolver, sentence, name):
    mentions = resolver.mentions(nlp(sentence), D2024)
    first = mentions[0]
    assert first.text == name and first.entity is not None and first.entity.kind == "person"
    assert not any(m.entity is not None and m.entity.kind == "country" and m.start == 0 for m in mentions)


def test_the_state_alone_stays_a_state(nlp, resolver):
    mentions = resolver.mentions(nlp("Le président de la Dominique a rencontré le Premier ministre de la Barbade."), D2024)
    dominica = _find(mentions, "Dominique")
    assert dominica is not None and dominica.entity is not None and dominica.entity.id == "DMA"
