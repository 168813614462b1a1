"""The twenty signals of the demo knelpuntenregister (loaded by api/seed/demo_signals.py): what
each says, who reported it, the demo blockers and questions that fit it, who said "this
applies to us too", and the path it took through the lifecycle, in days after its report.

They are about real bottlenecks in implementing the Participatiewet in balans, in every state
and of every kind. The public ones name no person and no municipality: the check before
publication must find nothing in them."""

from dataclasses import dataclass

from api.progress.models import BlockerKind
from api.signals.models import Body, Outcome, ReporterKind, SignalKind, SignalStatus

S = SignalStatus
K = SignalKind

EDITOR = "redacteur@demo.spoorboek.example"
ADMIN = "beheerder@demo.spoorboek.example"
UTRECHT = "utrecht@demo.spoorboek.example"
BOLLENSTREEK = "bollenstreek@demo.spoorboek.example"
EXPERT = "expert.stimulansz@demo.spoorboek.example"


@dataclass(frozen=True)
class Reporter:
    kind: ReporterKind
    email: str | None = None
    """None for a derived signal: the advisor who made it from a suggestion reported it."""
    municipality: str | None = None


BY_UTRECHT = Reporter(ReporterKind.MUNICIPALITY, UTRECHT, "GM0344")
BY_TEYLINGEN = Reporter(ReporterKind.MUNICIPALITY, BOLLENSTREEK, "GM1525")
BY_HILLEGOM = Reporter(ReporterKind.MUNICIPALITY, BOLLENSTREEK, "GM0534")
BY_EXPERT = Reporter(ReporterKind.EXPERT, EXPERT)
BY_EDITOR = Reporter(ReporterKind.ADVISOR, EDITOR)
BY_ADMIN = Reporter(ReporterKind.ADVISOR, ADMIN)
DERIVED = Reporter(ReporterKind.DERIVED)


@dataclass(frozen=True)
class Blockers:
    """Demo blockers that fit a signal: of this kind (None: written before kinds existed),
    optionally only those whose text holds `text`."""

    kind: BlockerKind | None
    text: str | None = None


@dataclass(frozen=True)
class Step:
    after: int
    """Days after the report."""
    to: SignalStatus
    text: str | None = None
    body: Body | None = None
    outcome: Outcome | None = None
    explanation: str | None = None


@dataclass(frozen=True)
class Backing:
    municipality: str
    after: int
    note: str | None = None


@dataclass(frozen=True)
class DemoSignal:
    title: str
    description: str
    kind: SignalKind
    measures: tuple[str, ...]
    reporter: Reporter
    handler: str
    """The advisor who handles it (and made it, when derived)."""
    reported: int
    """Days before the day the demo is loaded."""
    blockers: tuple[Blockers, ...]
    aspects: tuple[str, ...]
    """The demo questions on its measures with these subjects fit it."""
    steps: tuple[Step, ...] = ()
    public_after: int | None = None
    backers: tuple[Backing, ...] = ()
    cells: int = 4
    questions: int = 3


SOFTWARE = "aanpassing van de software"
EXECUTION = "gevolgen voor de uitvoering"
POLICY = "beleidsregels aanpassen"
START = "ingangsdatum en overgangsrecht"
INHABITANTS = "communicatie met inwoners"
UNCLEAR = Blockers(None, "Onduidelijkheid")

DEMO_SIGNALS: tuple[DemoSignal, ...] = (
    DemoSignal(
        title="Software voor de nieuwe inkomstenvrijlating komt later dan de ingangsdatum",
        description=(
            "Veel gemeenten melden bij de uniforme inkomstenvrijlating, het bufferbudget en het "
            "toerekenen van inkomsten dat hun leverancier de aanpassing later levert dan "
            "gepland. Zonder die release rekenen klantmanagers de vrijlating elke maand met de "
            "hand uit en verrekenen zij inkomsten zelf. Dat kost veel tijd en geeft kans op "
            "fouten bij mensen met wisselende inkomsten."
        ),
        kind=K.ICT,
        measures=("M15", "M16", "M21"),
        reporter=DERIVED,
        handler=EDITOR,
        reported=190,
        blockers=(Blockers(BlockerKind.ICT),),
        aspects=(SOFTWARE,),
        cells=6,
        public_after=5,
        backers=(
            Backing("GM0344", 8, "Ook onze leverancier heeft de release uitgesteld."),
            Backing("GM0575", 12, "Wij rekenen de vrijlating nu met een eigen spreadsheet uit."),
            Backing("GM0363", 20),
            Backing("GM0599", 25, "Bij ons speelt hetzelfde."),
        ),
        steps=(
            Step(2, S.IN_PROGRESS),
            Step(
                14,
                S.PASSED_ON,
                body=Body.SUPPLIER,
                text=(
                    "Verzoek aan de leveranciers: een vaste releasedatum voor de vrijlating en "
                    "het verrekenen, en tot die tijd een rekenhulp die klantmanagers zonder "
                    "aanpassing van het systeem kunnen gebruiken. Bijgevoegd: de knelpunten en "
                    "vragen van gemeenten die op de release wachten."
                ),
            ),
            Step(
                60,
                S.RESPONDED,
                text=(
                    "De leveranciers brengen de aanpassing in twee delen uit: eerst de "
                    "berekening van de vrijlating, een kwartaal later het automatisch "
                    "verrekenen. Voor de tussentijd komt er een rekenhulp die het programma "
                    "bij de implementatieproducten zet."
                ),
                outcome=Outcome.PRODUCT,
                explanation=(
                    "Een rekenhulp voor de inkomstenvrijlating in de implementatieproducten, en "
                    "de releaseplanning van de leveranciers op de pagina van de maatregel."
                ),
            ),
            Step(68, S.FED_BACK),
        ),
    ),
    DemoSignal(
        title="Handreiking giftenvrijlating mist een voorbeeld voor giften in natura",
        description=(
            "De handreiking bij de giftenvrijlating rekent alleen met giften in geld. "
            "Klantmanagers weten niet hoe zij boodschappen van familie of een betaalde "
            "energierekening moeten waarderen en vastleggen, en doen dat nu ieder op een eigen "
            "manier. Een uitgewerkt voorbeeld in de handreiking zou veel vragen voorkomen."
        ),
        kind=K.PRODUCTS,
        measures=("M01",),
        reporter=BY_UTRECHT,
        handler=EDITOR,
        reported=170,
        blockers=(Blockers(BlockerKind.PRODUCTS), UNCLEAR),
        aspects=(EXECUTION, INHABITANTS),
        public_after=4,
        backers=(
            Backing("GM0553", 10, "Onze klantmanagers vragen hier elke week naar."),
            Backing("GM0014", 15),
        ),
        steps=(
            Step(3, S.IN_PROGRESS),
            Step(
                9,
                S.PASSED_ON,
                body=Body.PROGRAMME,
                text=(
                    "Verzoek om de handreiking giftenvrijlating aan te vullen met een "
                    "rekenvoorbeeld voor giften in natura en een voorbeeld van het vastleggen "
                    "in het dossier."
                ),
            ),
            Step(
                40,
                S.RESPONDED,
                text=(
                    "De nieuwe versie van de handreiking heeft twee uitgewerkte voorbeelden: "
                    "boodschappen die een familielid betaalt en een rekening die een ander "
                    "rechtstreeks voldoet. Ook staat erin hoe u de gift vastlegt en hoe u ziet "
                    "wanneer het jaarbedrag is bereikt."
                ),
                outcome=Outcome.GUIDE,
                explanation="De handreiking giftenvrijlating, tweede versie.",
            ),
            Step(45, S.FED_BACK),
        ),
    ),
    DemoSignal(
        title="Onduidelijk wanneer het overgangsrecht voor jongeren van 18 tot en met 20 eindigt",
        description=(
            "Bij de harmonisatie van de aanvullende bijstand voor jongeren vallen lopende "
            "gevallen onder overgangsrecht. Gemeenten lezen de wettekst verschillend: eindigt "
            "het overgangsrecht bij de eerstvolgende heroverweging, bij een verhuizing, of pas "
            "als de jongere 21 wordt? Dat leidt tot verschillen tussen gemeenten voor jongeren "
            "in dezelfde situatie."
        ),
        kind=K.LAW,
        measures=("M02",),
        reporter=BY_EDITOR,
        handler=EDITOR,
        reported=150,
        blockers=(UNCLEAR, Blockers(BlockerKind.LAW)),
        aspects=(START,),
        public_after=2,
        backers=(Backing("GM0772", 20, "Wij hebben dit verschillend toegepast."),),
        steps=(
            Step(1, S.IN_PROGRESS),
            Step(
                6,
                S.PASSED_ON,
                body=Body.MINISTRY,
                text=(
                    "Vraag aan SZW: wanneer eindigt het overgangsrecht voor jongeren die nu "
                    "aanvullende bijzondere bijstand krijgen? Gemeenten vragen om één uitleg "
                    "die zij allemaal kunnen volgen."
                ),
            ),
            Step(
                50,
                S.RESPONDED,
                text=(
                    "Volgens SZW loopt het overgangsrecht door tot de jongere 21 wordt of de "
                    "bijstand eindigt. Een heroverweging of een verhuizing binnen de gemeente "
                    "beëindigt het niet."
                ),
                outcome=Outcome.NOTHING,
                explanation=(
                    "De wettekst blijft zoals hij is: SZW vindt hem duidelijk genoeg. Het "
                    "programma neemt de uitleg op in de veelgestelde vragen."
                ),
            ),
            Step(56, S.FED_BACK),
        ),
    ),
    DemoSignal(
        title="Voorschot binnen vier weken lukt niet met de huidige bezetting",
        description=(
            "Sinds de hogere bevoorschotting moet elke aanvrager binnen vier weken een "
            "voorschot krijgen. Ons team haalt die termijn niet als het druk is: de intake, de "
            "controle van de gegevens en het voorschot komen bij dezelfde paar klantmanagers "
            "terecht. Wij zoeken een werkwijze die minder handwerk vraagt."
        ),
        kind=K.EXECUTION,
        measures=("M11", "M09"),
        reporter=BY_TEYLINGEN,
        handler=ADMIN,
        reported=130,
        blockers=(Blockers(BlockerKind.EXECUTION),),
        aspects=(EXECUTION,),
        steps=(
            Step(4, S.IN_PROGRESS),
            Step(
                18,
                S.PASSED_ON,
                body=Body.TRACK_3,
                text=(
                    "Voor spoor 3: gemeenten halen de termijn voor het voorschot niet met de "
                    "bezetting die zij hebben. Gevraagd: een werkwijze voor de intake die het "
                    "voorschot eerder mogelijk maakt, en de ervaringen van gemeenten bij wie "
                    "het wel lukt."
                ),
            ),
            Step(
                70,
                S.RESPONDED,
                text=(
                    "Spoor 3 heeft met vier gemeenten een werkinstructie gemaakt voor een "
                    "korte intake, met een voorschot op basis van de eerste gegevens. In het "
                    "voorjaar volgt een leerbijeenkomst voor klantmanagers."
                ),
                outcome=Outcome.PRODUCT,
                explanation="Een werkinstructie voor de korte intake en een leerbijeenkomst.",
            ),
            Step(75, S.FED_BACK),
        ),
    ),
    DemoSignal(
        title="Bufferbudget: hoogte en bekostiging zijn nog niet duidelijk",
        description=(
            "Gemeenten kunnen het bufferbudget niet in hun begroting en beleidsregels opnemen "
            "zolang niet vaststaat hoe hoog het bedrag per kalenderjaar mag zijn en uit welk "
            "budget het komt. Veel gemeenten wachten daarom met hun beleidsregels en met het "
            "inrichten van het werkproces."
        ),
        kind=K.FINANCE,
        measures=("M16",),
        reporter=DERIVED,
        handler=ADMIN,
        reported=120,
        blockers=(
            UNCLEAR,
            Blockers(BlockerKind.LAW, "lagere regelgeving"),
            Blockers(BlockerKind.FINANCE),
        ),
        aspects=(POLICY, EXECUTION),
        cells=6,
        questions=4,
        public_after=3,
        backers=(
            Backing("GM0344", 6, "Wij wachten hierop met de beleidsregels."),
            Backing("GM0534", 9),
            Backing("GM0363", 11),
            Backing("GM0268", 30, "De raad vraagt ernaar bij de begroting."),
        ),
        steps=(
            Step(1, S.IN_PROGRESS),
            Step(
                10,
                S.PASSED_ON,
                body=Body.MINISTRY,
                text=(
                    "Verzoek aan SZW om snel duidelijk te maken hoe hoog het bufferbudget per "
                    "kalenderjaar mag zijn en of het uit het inkomensdeel of uit eigen "
                    "middelen komt."
                ),
            ),
            Step(
                100,
                S.RESPONDED,
                text=(
                    "SZW legt het hoogste bedrag per kalenderjaar vast in de lagere "
                    "regelgeving. Het bufferbudget komt uit het inkomensdeel; gemeenten hoeven "
                    "er geen eigen middelen voor te reserveren. Het concept gaat binnenkort in "
                    "consultatie."
                ),
                outcome=Outcome.LAW_AMENDMENT,
                explanation=(
                    "Het hoogste bedrag en de bekostiging komen in de lagere regelgeving bij "
                    "de wet."
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Loongegevens komen te laat binnen om inkomsten in de juiste maand te verrekenen",
        description=(
            "Om inkomsten toe te rekenen aan de maand waarin iemand erover kan beschikken, "
            "hebben gemeenten de loongegevens op tijd nodig. De gegevens uit de "
            "polisadministratie van UWV komen pas weken later binnen. Tot dan vragen "
            "klantmanagers loonstroken op, en daarmee valt het automatisch verrekenen weg."
        ),
        kind=K.CHAIN_PARTNERS,
        measures=("M21", "M15"),
        reporter=BY_ADMIN,
        handler=ADMIN,
        reported=110,
        blockers=(Blockers(BlockerKind.CHAIN_PARTNERS),),
        aspects=(SOFTWARE, EXECUTION),
        steps=(
            Step(2, S.IN_PROGRESS),
            Step(
                12,
                S.PASSED_ON,
                body=Body.PROGRAMME,
                text=(
                    "Voor het ketenoverleg met UWV en het Inlichtingenbureau: kan de "
                    "aanlevering van loongegevens sneller, zodat gemeenten inkomsten in de "
                    "juiste maand kunnen verrekenen?"
                ),
            ),
            Step(
                95,
                S.RESPONDED,
                text=(
                    "UWV kan de aanlevering vóór de invoering niet versnellen: werkgevers "
                    "geven de gegevens pas na afloop van de maand door. Het ketenoverleg "
                    "bekijkt of een voorlopige opgave later mogelijk is."
                ),
                outcome=Outcome.NOTHING,
                explanation=(
                    "De aanlevering blijft zoals zij is; gemeenten vragen tot die tijd de "
                    "loonstrook op. Een voorlopige opgave staat op de agenda van het "
                    "ketenoverleg voor de langere termijn."
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Verordening maatregelen kan niet worden aangepast zolang het besluit ontbreekt",
        description=(
            "De herziening van de verplichtingen en maatregelen loopt via het "
            "Maatregelenbesluit socialezekerheidswetten. Zolang dat besluit niet is "
            "vastgesteld, kunnen gemeenten hun verordening niet aan de raad voorleggen. De "
            "planning met de raad loopt daardoor uit."
        ),
        kind=K.LAW,
        measures=("M22",),
        reporter=BY_HILLEGOM,
        handler=EDITOR,
        reported=100,
        blockers=(Blockers(BlockerKind.LAW),),
        aspects=(POLICY, START),
        cells=5,
        public_after=5,
        backers=(
            Backing("GM1525", 7, "Hetzelfde probleem, met dezelfde raadsplanning."),
            Backing("GM0344", 12),
        ),
        steps=(
            Step(3, S.IN_PROGRESS),
            Step(
                14,
                S.PASSED_ON,
                body=Body.MINISTRY,
                text=(
                    "Vraag aan SZW naar de planning van het Maatregelenbesluit, met het "
                    "verzoek om een voorlopige tekst, zodat gemeenten hun verordening alvast "
                    "kunnen voorbereiden."
                ),
            ),
            Step(
                85,
                S.RESPONDED,
                text=(
                    "SZW deelt de voorlopige tekst van het besluit met de VNG. Het programma "
                    "maakt daarmee een modelverordening die gemeenten nu kunnen voorbereiden "
                    "en na de vaststelling van het besluit aan de raad voorleggen."
                ),
                outcome=Outcome.GUIDE,
                explanation="Een modelverordening op basis van de voorlopige tekst.",
            ),
        ),
    ),
    DemoSignal(
        title="Identificatie met rijbewijs: het rijbewijs is digitaal niet te controleren",
        description=(
            "Aanvragers mogen zich identificeren met DigiD of met hun rijbewijs. Voor DigiD is "
            "er een koppeling, voor het rijbewijs niet: gemeenten kunnen de echtheid bij een "
            "digitale aanvraag niet controleren en vragen mensen alsnog aan het loket te komen. "
            "Dat gaat tegen het doel van de maatregel in."
        ),
        kind=K.ICT,
        measures=("M08",),
        reporter=BY_EXPERT,
        handler=EDITOR,
        reported=90,
        blockers=(Blockers(BlockerKind.ICT),),
        aspects=(EXECUTION, SOFTWARE),
        public_after=4,
        backers=(Backing("GM0344", 8, "Wij laten aanvragers hiervoor nu langskomen."),),
        steps=(
            Step(2, S.IN_PROGRESS),
            Step(
                10,
                S.PASSED_ON,
                body=Body.SUPPLIER,
                text=(
                    "Verzoek aan de leveranciers van de aanvraagportalen: kan het portaal een "
                    "rijbewijs controleren, bijvoorbeeld via een bestaande landelijke "
                    "voorziening?"
                ),
            ),
            Step(
                45,
                S.PASSED_ON,
                body=Body.MINISTRY,
                text=(
                    "De leveranciers kunnen het rijbewijs alleen controleren als daar een "
                    "landelijke voorziening voor is. Daarom doorgezet aan SZW: komt die er, en "
                    "wanneer?"
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Inkomenstoeslag zonder aanvraag: gemeenten missen gegevens om mensen te vinden",
        description=(
            "Om de individuele inkomenstoeslag zonder aanvraag toe te kennen, moeten gemeenten "
            "weten wie al lang een laag inkomen heeft. Die gegevens liggen voor een deel bij "
            "UWV, de SVB en de Belastingdienst. Zonder afspraken over de uitwisseling vinden "
            "gemeenten alleen de mensen die al bijstand van hen krijgen."
        ),
        kind=K.CHAIN_PARTNERS,
        measures=("M19",),
        reporter=DERIVED,
        handler=EDITOR,
        reported=75,
        blockers=(Blockers(BlockerKind.CHAIN_PARTNERS),),
        aspects=(SOFTWARE,),
        cells=6,
        public_after=2,
        backers=(
            Backing("GM0200", 10),
            Backing("GM0153", 18, "Wij vinden nu maar een klein deel van de doelgroep."),
        ),
        steps=(
            Step(1, S.IN_PROGRESS),
            Step(
                15,
                S.PASSED_ON,
                body=Body.TRACK_2,
                text=(
                    "Voor de fundamentele herziening: een wettelijke grondslag voor de "
                    "uitwisseling van inkomensgegevens met UWV, de SVB en de Belastingdienst, "
                    "zodat gemeenten rechthebbenden voor de inkomenstoeslag zelf kunnen vinden."
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Gesprekken over maatschappelijke participatie vragen meer tijd dan begroot",
        description=(
            "Bij maatschappelijke participatie bepalen mensen grotendeels zelf wat zij doen. "
            "Dat vraagt een goed gesprek met iedereen in de doelgroep, niet alleen met wie nu "
            "een tegenprestatie heeft. In Utrecht gaat het om enkele duizenden extra "
            "gesprekken, waarvoor geen formatie is."
        ),
        kind=K.EXECUTION,
        measures=("M14", "M20"),
        reporter=BY_UTRECHT,
        handler=ADMIN,
        reported=60,
        blockers=(Blockers(BlockerKind.EXECUTION),),
        aspects=(EXECUTION,),
        steps=(
            Step(3, S.IN_PROGRESS),
            Step(
                12,
                S.PASSED_ON,
                body=Body.TRACK_3,
                text=(
                    "Voor spoor 3: hulp bij een werkwijze voor de participatiegesprekken die "
                    "past bij de capaciteit die gemeenten hebben, zoals groepsbijeenkomsten of "
                    "gesprekken door medewerkers van het wijkteam."
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Taalaanbod moet nu worden ingekocht, het extra geld komt pas in 2027",
        description=(
            "Gemeenten moeten de taaleis handhaven en een passend taalaanbod hebben. Het extra "
            "geld daarvoor komt pas vanaf 2027, terwijl de inkoop van taalaanbod nu al moet "
            "beginnen. Gemeenten weten niet of zij op dat geld vooruit mogen lopen."
        ),
        kind=K.FINANCE,
        measures=("M23",),
        reporter=BY_EDITOR,
        handler=EDITOR,
        reported=80,
        blockers=(Blockers(BlockerKind.FINANCE), Blockers(BlockerKind.EXECUTION)),
        aspects=(START,),
        questions=2,
        public_after=32,
        backers=(Backing("GM0080", 40, "Onze aanbesteding start in het voorjaar."),),
        steps=(
            Step(
                5,
                S.REJECTED,
                text=(
                    "Het geld voor taalaanbod staat al vast in de begroting van het Rijk; er "
                    "lijkt niets door te zetten."
                ),
            ),
            # New blockers showed that the purchase stalls on the timing, not the amount.
            Step(30, S.IN_PROGRESS),
            Step(
                35,
                S.PASSED_ON,
                body=Body.DIVOSA,
                text=(
                    "Aan Divosa, voor het overleg met SZW en de VNG: gemeenten willen weten of "
                    "zij al in 2026 taalaanbod mogen inkopen met geld dat pas in 2027 komt, en "
                    "hoe dat geld wordt verdeeld."
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Model voor maatschappelijke participatie past slecht bij kleine gemeenten",
        description=(
            "Het voorbeeldbesluit en de modelverordening gaan uit van een eigen "
            "participatieteam en een breed aanbod van activiteiten. Kleine gemeenten hebben dat "
            "niet en moeten de tekst grotendeels herschrijven. Een variant voor gemeenten die "
            "samenwerken of weinig aanbod hebben zou helpen."
        ),
        kind=K.PRODUCTS,
        measures=("M14",),
        reporter=BY_ADMIN,
        handler=ADMIN,
        reported=40,
        blockers=(Blockers(BlockerKind.PRODUCTS),),
        aspects=(POLICY, START),
        cells=5,
        questions=2,
        steps=(Step(2, S.IN_PROGRESS),),
    ),
    DemoSignal(
        title="Extra uitvoeringskosten van de maatregelen van 2026 staan niet in de begroting",
        description=(
            "Bij de maatregelen die in 2026 ingingen melden gemeenten dat de extra "
            "uitvoeringskosten nog niet in hun begroting staan: meer gesprekken, handwerk tot "
            "de software klaar is en het aanpassen van beleidsregels. Onduidelijk is of de "
            "vergoeding via het gemeentefonds die kosten dekt."
        ),
        kind=K.FINANCE,
        measures=("M01", "M05", "M09", "M11"),
        reporter=DERIVED,
        handler=ADMIN,
        reported=30,
        blockers=(Blockers(BlockerKind.FINANCE),),
        aspects=(EXECUTION,),
        cells=6,
        steps=(Step(1, S.IN_PROGRESS),),
    ),
    DemoSignal(
        title="Software kan een oud dossier niet heropenen bij een nieuwe aanvraag",
        description=(
            "Vraagt iemand binnen twaalf maanden opnieuw bijstand aan, dan mogen wij de "
            "gegevens van de vorige aanvraag hergebruiken. Ons systeem sluit een dossier na "
            "het einde van de uitkering af en kan het niet heropenen. Klantmanagers typen de "
            "gegevens daarom opnieuw over, en het voordeel van de maatregel valt weg."
        ),
        kind=K.ICT,
        measures=("M10",),
        reporter=BY_UTRECHT,
        handler=EDITOR,
        reported=10,
        blockers=(Blockers(BlockerKind.ICT),),
        aspects=(SOFTWARE,),
        steps=(Step(2, S.IN_PROGRESS),),
    ),
    DemoSignal(
        title="Klantmanagers missen medisch advies om een zorgbehoefte te beoordelen",
        description=(
            "Wie samenwoont om zorg te geven of te krijgen, voert geen gezamenlijke huishouding "
            "zolang die zorg nodig is. Klantmanagers moeten dan beoordelen of er zorg nodig is "
            "en hoe lang. Veel gemeenten hebben daarvoor geen medisch adviseur en beslissen op "
            "basis van wat de aanvrager zelf verklaart."
        ),
        kind=K.EXECUTION,
        measures=("M06", "M07"),
        reporter=BY_ADMIN,
        handler=ADMIN,
        reported=6,
        blockers=(Blockers(BlockerKind.EXECUTION),),
        aspects=(POLICY,),
        cells=3,
        questions=2,
    ),
    DemoSignal(
        title="Afgewezen Bbz-melding komt niet door als meldingsdatum voor de bijstand",
        description=(
            "Een afgewezen melding voor Bbz, IOAW of IOAZ telt als meldingsdatum voor de "
            "bijstand als de aanvraag direct volgt. Veel gemeenten laten het Bbz uitvoeren door "
            "een regionaal bedrijvenloket, en die datum komt niet vanzelf bij het team "
            "Werk en Inkomen. Klantmanagers vragen de aanvrager nu om bewijs."
        ),
        kind=K.CHAIN_PARTNERS,
        measures=("M09",),
        reporter=BY_EDITOR,
        handler=EDITOR,
        reported=4,
        blockers=(Blockers(BlockerKind.CHAIN_PARTNERS), UNCLEAR),
        aspects=(EXECUTION, START),
        cells=3,
        questions=2,
    ),
    DemoSignal(
        title="Vrijlating voor jongeren al in 2026 toepassen: wat moet in de beleidsregels?",
        description=(
            "Gemeenten mogen de vrijlating van inkomsten en de premie voor jongeren onder 27 al "
            "in 2026 toepassen. Het is niet duidelijk of daarvoor een beleidsregel van het "
            "college volstaat of een besluit van de raad nodig is, en wat er gebeurt met een "
            "premie uit 2026 als de regeling in 2027 formeel ingaat."
        ),
        kind=K.LAW,
        measures=("M13",),
        reporter=BY_EDITOR,
        handler=EDITOR,
        reported=2,
        blockers=(Blockers(BlockerKind.LAW), UNCLEAR),
        aspects=(POLICY,),
        cells=3,
        questions=2,
    ),
    DemoSignal(
        title="Vergoeding voor handwerk zolang de software niet klaar is",
        description=(
            "Gemeenten vragen of het programma de kosten vergoedt van het met de hand "
            "berekenen van vrijlatingen, zolang hun leverancier de aanpassing niet heeft "
            "geleverd."
        ),
        kind=K.FINANCE,
        measures=("M13", "M15"),
        reporter=BY_EDITOR,
        handler=EDITOR,
        reported=65,
        blockers=(Blockers(BlockerKind.FINANCE),),
        aspects=(SOFTWARE,),
        cells=3,
        questions=2,
        steps=(
            Step(3, S.IN_PROGRESS),
            Step(
                10,
                S.REJECTED,
                text=(
                    "Het programma vergoedt geen uitvoeringskosten; de vergoeding voor de "
                    "invoering loopt via het gemeentefonds. De late software zelf staat in het "
                    "signaal aan de leveranciers."
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Voorbeeldbrief over mantelzorg in meer talen",
        description=(
            "Gemeenten vragen de voorbeeldbrief over mantelzorg en de kostendelersnorm ook in "
            "het Engels, Arabisch, Turks en Pools aan te bieden, omdat veel mantelzorgers de "
            "Nederlandse brief moeilijk lezen."
        ),
        kind=K.PRODUCTS,
        measures=("M07",),
        reporter=BY_ADMIN,
        handler=ADMIN,
        reported=95,
        blockers=(Blockers(BlockerKind.PRODUCTS),),
        aspects=(INHABITANTS,),
        cells=3,
        questions=2,
        public_after=7,
        steps=(
            Step(
                6,
                S.REJECTED,
                text=(
                    "Vertalen valt buiten de opdracht van het programma. De voorbeeldbrieven "
                    "zijn op taalniveau B1 geschreven, zodat gemeenten ze zelf kunnen laten "
                    "vertalen; de communicatietoolkit wijst naar vertaaldiensten."
                ),
            ),
        ),
    ),
    DemoSignal(
        title="Experiment met een hogere vrijlating voor mensen die in deeltijd werken",
        description=(
            "Een aantal gemeenten wil met het verruimde experimenteerartikel een hogere "
            "vrijlating van inkomsten proberen voor mensen die in deeltijd werken. Zij vragen "
            "het programma dit als signaal in te brengen."
        ),
        kind=K.LAW,
        measures=("M12",),
        reporter=BY_EDITOR,
        handler=EDITOR,
        reported=55,
        blockers=(Blockers(BlockerKind.LAW), UNCLEAR),
        aspects=(POLICY,),
        cells=3,
        questions=2,
        public_after=10,
        steps=(
            Step(2, S.IN_PROGRESS),
            Step(
                9,
                S.REJECTED,
                text=(
                    "Geen knelpunt om door te zetten: een gemeente meldt zich voor een "
                    "experiment zelf aan bij SZW. Het programma helpt bij die aanvraag; zie de "
                    "veelgestelde vragen over het experimenteerartikel."
                ),
            ),
        ),
    ),
)
