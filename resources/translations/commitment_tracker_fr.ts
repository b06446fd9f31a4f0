<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnalystDialog</name>
    <message>
        <source>Analyst name</source>
        <translation>Nom de l’analyste</translation>
    </message>
    <message>
        <source>Your name, as the change log should record it</source>
        <translation>Votre nom, tel que le journal des changements doit l’enregistrer</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Votre &amp;nom</translation>
    </message>
    <message>
        <source>type a name: the change log records it with every change</source>
        <translation>saisissez un nom : le journal des changements l’enregistre avec chaque changement</translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Deadline or date</source>
        <translation>Échéance ou date</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>New from article</source>
        <translation>Nouveau depuis un article</translation>
    </message>
    <message>
        <source>Paste the article here (Ctrl+V), then press Find candidates</source>
        <translation>Collez l’article ici (Ctrl+V), puis cliquez sur Trouver les candidats</translation>
    </message>
    <message>
        <source>Headline or description of the article</source>
        <translation>Titre ou description de l’article</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://… (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Find candidates</source>
        <translation>&amp;Trouver les candidats</translation>
    </message>
    <message>
        <source>Paste an article and press Find candidates.</source>
        <translation>Collez un article et cliquez sur Trouver les candidats.</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>Ajouter la sélection</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Source title</source>
        <translation>Titre de la source</translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation>URL de la source</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Texte de l’article</translation>
    </message>
    <message>
        <source>Candidate commitments and events</source>
        <translation>Engagements et événements candidats</translation>
    </message>
    <message>
        <source>Tick the rows to add; Space ticks the current one</source>
        <translation>Cochez les lignes à ajouter ; Espace coche la ligne courante</translation>
    </message>
    <message>
        <source>This text has {count} characters; New from article reads one article of up to {most}. Paste one article at a time.</source>
        <extracomment>longer text is not one article: it is refused with a sentence instead of read for minutes</extracomment>
        <translation>Ce texte compte {count} caractères ; Nouveau depuis un article lit un article d’au plus {most}. Collez un article à la fois.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Finding candidates…</source>
        <translation>Recherche des candidats…</translation>
    </message>
    <message>
        <source>Stopped. Edit the text or press Find candidates again.</source>
        <translation>Arrêté. Modifiez le texte ou cliquez à nouveau sur Trouver les candidats.</translation>
    </message>
    <message>
        <source>The article could not be read: {reason}</source>
        <translation>L’article n’a pas pu être lu : {reason}</translation>
    </message>
    <message>
        <source>{count} candidates ({commitments} commitments). Untick what is wrong, edit titles, parties, places and dates, then add. A yellow date has a note: point at it.</source>
        <translation>{count} candidats ({commitments} engagements). Décochez ce qui est faux, modifiez titres, parties, lieux et dates, puis ajoutez. Une date en jaune a une note : pointez-la.</translation>
    </message>
    <message>
        <source>{name} is not a country name or ISO code</source>
        <translation>{name} n’est ni un nom de pays ni un code ISO</translation>
    </message>
    <message>
        <source>row {row}, {column}: {error}</source>
        <translation>ligne {row}, {column} : {error}</translation>
    </message>
    <message>
        <source>row {row}: the deadline {date} is before the publication date {published}; clear it or correct it</source>
        <translation>ligne {row} : l’échéance {date} précède la date de publication {published} ; effacez-la ou corrigez-la</translation>
    </message>
    <message>
        <source>a ticked candidate needs a title</source>
        <translation>un candidat coché a besoin d’un titre</translation>
    </message>
    <message>
        <source> (venue)</source>
        <translation> (lieu de la rencontre)</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>PDF document (*.pdf);;Web page, one file (*.html)</source>
        <translation>Document PDF (*.pdf);;Page web, un seul fichier (*.html)</translation>
    </message>
    <message>
        <source>Export brief</source>
        <translation>Exporter la note</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>À la &amp;date du</translation>
    </message>
    <message>
        <source>&amp;Parties (none ticked: all)</source>
        <translation>&amp;Parties (aucune cochée : toutes)</translation>
    </message>
    <message>
        <source>&amp;Categories (none ticked: all)</source>
        <translation>&amp;Catégories (aucune cochée : toutes)</translation>
    </message>
    <message>
        <source>Page &amp;size (PDF)</source>
        <translation>&amp;Format de page (PDF)</translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation>&amp;Sortie</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>choose the date the brief describes</source>
        <translation>choisissez la date que la note décrit</translation>
    </message>
    <message>
        <source>choose the file to write</source>
        <translation>choisissez le fichier à écrire</translation>
    </message>
    <message>
        <source>Laying out the brief…</source>
        <translation>Mise en page de la note…</translation>
    </message>
    <message>
        <source> ({pages} pages)</source>
        <translation> ({pages} pages)</translation>
    </message>
    <message>
        <source>Brief written to {path}{pages}</source>
        <translation>Note écrite dans {path}{pages}</translation>
    </message>
    <message>
        <source>Brief cancelled; no file was written.</source>
        <translation>Note annulée ; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>The brief could not be written: {error}</source>
        <translation>La note n’a pas pu être écrite : {error}</translation>
    </message>
    <message>
        <source>Reading the brief…</source>
        <translation>Lecture de la note…</translation>
    </message>
    <message>
        <source>Export deadlines</source>
        <translation>Exporter les échéances</translation>
    </message>
    <message>
        <source>{count} deadlines written to {output}</source>
        <translation>{count} échéances écrites dans {output}</translation>
    </message>
    <message>
        <source>Calendar cancelled; no file was written.</source>
        <translation>Calendrier annulé ; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>The calendar could not be written: {error}</source>
        <translation>Le calendrier n’a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <source>Writing the deadlines…</source>
        <translation>Écriture des échéances…</translation>
    </message>
    <message>
        <source>iCalendar file (*.ics)</source>
        <translation>Fichier iCalendar (*.ics)</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Pris le</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Party statuses</source>
        <translation>Statuts des parties</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>Each party&apos;s own status:</source>
        <translation>Statut propre de chaque partie :</translation>
    </message>
    <message>
        <source>The deadline passed before {as_of} and the commitment is still open.</source>
        <translation>L’échéance est passée avant le {as_of} et l’engagement est toujours ouvert.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Fatalities</source>
        <translation>Victimes</translation>
    </message>
    <message>
        <source>Statistic</source>
        <translation>Statistique</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export c&amp;hart…</source>
        <translation>Exporter le &amp;graphique…</translation>
    </message>
    <message>
        <source>Export &amp;brief…</source>
        <translation>Exporter la note de &amp;synthèse…</translation>
    </message>
    <message>
        <source>A report to hand on: numbers, compliance, deadlines and charts, as PDF or HTML</source>
        <translation>Un rapport à transmettre : chiffres, respect des engagements, échéances et graphiques, en PDF ou HTML</translation>
    </message>
    <message>
        <source>Export &amp;deadlines (.ics)…</source>
        <translation>Exporter les éc&amp;héances (.ics)…</translation>
    </message>
    <message>
        <source>Deadlines for a calendar</source>
        <translation>Les échéances pour un agenda</translation>
    </message>
    <message>
        <source>&amp;Share read-only…</source>
        <translation>&amp;Partager en lecture seule…</translation>
    </message>
    <message>
        <source>Let colleagues read this database in a browser</source>
        <translation>Permettre à des collègues de lire cette base dans un navigateur</translation>
    </message>
    <message>
        <source>&amp;Merge from another database…</source>
        <translation>&amp;Fusionner depuis une autre base…</translation>
    </message>
    <message>
        <source>Bring a colleague&apos;s file into this one</source>
        <translation>Intégrer le fichier d’un collègue à celui-ci</translation>
    </message>
    <message>
        <source>Merge co&amp;nflicts</source>
        <translation>Conf&amp;lits de fusion</translation>
    </message>
    <message>
        <source>The values merges set aside</source>
        <translation>Les valeurs mises de côté par les fusions</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>New &amp;commitment…</source>
        <translation>Nouvel &amp;engagement…</translation>
    </message>
    <message>
        <source>Record a new commitment</source>
        <translation>Enregistrer un nouvel engagement</translation>
    </message>
    <message>
        <source>New &amp;event…</source>
        <translation>Nouvel é&amp;vénement…</translation>
    </message>
    <message>
        <source>New reported &amp;statistic…</source>
        <translation>Nouvelle &amp;statistique publiée…</translation>
    </message>
    <message>
        <source>New from &amp;article…</source>
        <translation>Nouveau depuis un ar&amp;ticle…</translation>
    </message>
    <message>
        <source>Paste a news article and pick the commitments it reports</source>
        <translation>Coller un article de presse et choisir les engagements qu’il rapporte</translation>
    </message>
    <message>
        <source>Update s&amp;tatus…</source>
        <translation>Mettre à jour le stat&amp;ut…</translation>
    </message>
    <message>
        <source>Record a new status</source>
        <translation>Enregistrer un nouveau statut</translation>
    </message>
    <message>
        <source>Analyst na&amp;me…</source>
        <translation>Nom de l’ana&amp;lyste…</translation>
    </message>
    <message>
        <source>Your name, as the change log records it</source>
        <translation>Votre nom, tel que le journal des modifications l’enregistre</translation>
    </message>
    <message>
        <source>Ed&amp;it selected…</source>
        <translation>&amp;Modifier la sélection…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Su&amp;pprimer</translation>
    </message>
    <message>
        <source>Place &amp;names…</source>
        <translation>&amp;Noms de lieux…</translation>
    </message>
    <message>
        <source>Correct a place&apos;s name or its local name</source>
        <translation>Corriger le nom d’un lieu ou son nom local</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>&amp;Enregistrer la vue actuelle…</translation>
    </message>
    <message>
        <source>C&amp;lear filter</source>
        <translation>E&amp;ffacer le filtre</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>&amp;Status definitions</source>
        <translation>&amp;Définitions des statuts</translation>
    </message>
    <message>
        <source>Open sa&amp;mple database</source>
        <translation>Ouvrir la base d’&amp;exemple</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Show statuses as they stand today</source>
        <translation>Afficher les statuts tels qu’ils sont aujourd’hui</translation>
    </message>
</context>
<context>
    <name>CommitmentEditor</name>
    <message>
        <source>Edit commitment</source>
        <translation>Modifier l’engagement</translation>
    </message>
    <message>
        <source>New commitment</source>
        <translation>Nouvel engagement</translation>
    </message>
    <message>
        <source>What was promised, in a few words</source>
        <translation>Ce qui a été promis, en quelques mots</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>pas d’échéance</translation>
    </message>
    <message>
        <source>Optional: who benefits, separated by ;</source>
        <translation>Facultatif : qui en bénéficie, séparés par ;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Details, wording, conditions</source>
        <translation>Détails, formulation, conditions</translation>
    </message>
    <message>
        <source>The exact words of the promise, as published</source>
        <translation>Les mots exacts de la promesse, tels que publiés</translation>
    </message>
    <message>
        <source>Where the quote comes from (web address)</source>
        <translation>D’où vient la citation (adresse web)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Catégorie</translation>
    </message>
    <message>
        <source>&amp;Made on</source>
        <translation>Pr&amp;is le</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>Éc&amp;héance</translation>
    </message>
    <message>
        <source>Deadline p&amp;recision</source>
        <translation>Précision de l’échéa&amp;nce</translation>
    </message>
    <message>
        <source>&amp;Promised by</source>
        <translation>&amp;Promis par</translation>
    </message>
    <message>
        <source>&amp;Beneficiaries</source>
        <translation>&amp;Bénéficiaires</translation>
    </message>
    <message>
        <source>P&amp;laces</source>
        <translation>&amp;Lieux</translation>
    </message>
    <message>
        <source>&amp;Origin event</source>
        <translation>Événement d’&amp;origine</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Sources</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>Cit&amp;ation</translation>
    </message>
    <message>
        <source>Quote so&amp;urce</source>
        <translation>So&amp;urce de la citation</translation>
    </message>
    <message>
        <source>name at least one party that made the commitment</source>
        <translation>nommez au moins une partie qui a pris l’engagement</translation>
    </message>
    <message>
        <source>type the quote whose source is given, or clear the quote source</source>
        <translation>saisissez la citation dont la source est donnée, ou effacez la source de la citation</translation>
    </message>
</context>
<context>
    <name>CountsLabel</name>
    <message>
        <source>counting overdue</source>
        <translation>décompte des retards</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>{count} en retard</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>au {date}</translation>
    </message>
    <message>
        <source>{commitments} shown</source>
        <translation>{commitments} affichés</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>décompte…</translation>
    </message>
    <message>
        <source>{count} shown of </source>
        <translation>{count} affichés sur </translation>
    </message>
    <message>
        <source>{count} commitment</source>
        <translation>{count} engagement</translation>
    </message>
    <message>
        <source>{count} commitments</source>
        <translation>{count} engagements</translation>
    </message>
    <message>
        <source>{count} event</source>
        <translation>{count} événement</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} événements</translation>
    </message>
    <message>
        <source>{count} statistic</source>
        <translation>{count} statistique</translation>
    </message>
    <message>
        <source>{count} statistics</source>
        <translation>{count} statistiques</translation>
    </message>
</context>
<context>
    <name>DatabaseFiles</name>
    <message>
        <source>Commitment Tracker databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases Commitment Tracker (*.db *.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new name for an empty database.</source>
        <translation>{path} existe déjà ; choisissez un nouveau nom pour une base vide.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <source>That is the open file; choose another name.</source>
        <translation>C’est le fichier ouvert ; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Copy saved to {target}</source>
        <translation>Copie enregistrée dans {target}</translation>
    </message>
    <message>
        <source>Copy cancelled; nothing was written.</source>
        <translation>Copie annulée ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Enregistrement d’une copie…</translation>
    </message>
    <message>
        <source>Open sample database</source>
        <translation>Ouvrir la base d’exemple</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation>dans 1 jour</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>dans {days} jours</translation>
    </message>
    <message>
        <source>1 day late</source>
        <translation>1 jour de retard</translation>
    </message>
    <message>
        <source>{days} days late</source>
        <translation>{days} jours de retard</translation>
    </message>
    <message>
        <source>Upcoming deadlines</source>
        <translation>Échéances à venir</translation>
    </message>
    <message>
        <source>Overdue commitments, those due in the next 30 days and in 31 to 90 days; Enter or a click selects one</source>
        <translation>Les engagements en retard, ceux qui arrivent à échéance dans les 30 prochains jours et dans 31 à 90 jours ; Entrée ou un clic en sélectionne un</translation>
    </message>
    <message>
        <source>Click a commitment to select it in the Commitments tab</source>
        <translation>Cliquez sur un engagement pour le sélectionner dans l’onglet Engagements</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Due in the next {days} days</source>
        <translation>À échéance dans les {days} prochains jours</translation>
    </message>
    <message>
        <source>Due in {first} to {last} days</source>
        <translation>À échéance dans {first} à {last} jours</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Commitment details</source>
        <extracomment>how a rating that cites no source is marked in the history (words, not only a colour)</extracomment>
        <translation>Détails de l’engagement</translation>
    </message>
    <message>
        <source>The selected commitment: its status, parties, deadline, places, sources and history</source>
        <translation>L’engagement sélectionné : statut, parties, échéance, lieux, sources et historique</translation>
    </message>
    <message>
        <source>Changes to the commitment</source>
        <translation>Modifications de l’engagement</translation>
    </message>
    <message>
        <source>What changed in the selected commitment and its status updates, when, and by whom</source>
        <translation>Ce qui a changé dans l’engagement sélectionné et ses mises à jour de statut, quand et par qui</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Update status…</source>
        <translation>Mettre à jour le statut…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Select a commitment to see its parties, deadline and history.</source>
        <translation>Sélectionnez un engagement pour voir ses parties, son échéance et son historique.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>No status recorded yet.</source>
        <translation>Aucun statut enregistré pour l’instant.</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Pris le</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Evidence: {event}</source>
        <translation>Élément probant : {event}</translation>
    </message>
    <message>
        <source>(after the as-of date)</source>
        <translation>(après la date de situation)</translation>
    </message>
    <message>
        <source>all parties</source>
        <translation>toutes les parties</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>The last action failed: {error}.

Your data is safe: every change is saved in a transaction, and an action that fails is not written. Details are in the log file:
{log}</source>
        <translation>La dernière action a échoué : {error}.

Vos données sont en sécurité : chaque changement est enregistré dans une transaction, et une action qui échoue n’est pas écrite. Les détails sont dans le fichier journal :
{log}</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Edit event</source>
        <translation>Modifier l’événement</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>same day</source>
        <translation>le même jour</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>Ce qui s’est passé, en quelques mots</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;End date</source>
        <translation>Date de &amp;fin</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>Tit&amp;re</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>&amp;Actors</source>
        <translation>&amp;Acteurs</translation>
    </message>
    <message>
        <source>&amp;Fatalities</source>
        <translation>&amp;Victimes</translation>
    </message>
    <message>
        <source>De&amp;scription</source>
        <translation>De&amp;scription</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Current view (filtered commitments, as of the chosen date)</source>
        <translation>Vue actuelle (engagements filtrés, à la date choisie)</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des statuts</translation>
    </message>
    <message>
        <source>Reported statistics</source>
        <translation>Statistiques publiées</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Journal des modifications</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Excel-friendly (BOM, Windows line ends, formulas neutralised)</source>
        <translation>Adapté à Excel (BOM, fins de ligne Windows, formules neutralisées)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Contenu</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>{count} rows exported to {target}</source>
        <translation>{count} lignes exportées vers {target}</translation>
    </message>
</context>
<context>
    <name>Extraction</name>
    <message>
        <source>the reader stopped unexpectedly</source>
        <translation>le lecteur s’est arrêté de façon inattendue</translation>
    </message>
    <message>
        <source>the reader&apos;s answer could not be read ({error})</source>
        <translation>la réponse du lecteur n’a pas pu être lue ({error})</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Shows the commitments whose status, or one party&apos;s own status, is the one chosen: the Party statuses column names the party when it is not the headline.</source>
        <translation>Affiche les engagements dont le statut, ou le statut propre d’une partie, est celui choisi : la colonne Statuts des parties nomme la partie quand ce n’est pas le statut principal.</translation>
    </message>
    <message>
        <source>Search titles, descriptions and notes (Ctrl+F)</source>
        <translation>Rechercher dans les titres, descriptions et notes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>made from: any</source>
        <translation>pris depuis : toute date</translation>
    </message>
    <message>
        <source>made to: any</source>
        <translation>pris jusqu’au : toute date</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>En retard seulement</translation>
    </message>
    <message>
        <source>Unsourced only</source>
        <translation>Sans source seulement</translation>
    </message>
    <message>
        <source>Shows the commitments whose latest rating (on the as-of date) cites no source</source>
        <translation>Affiche les engagements dont la dernière évaluation (à la date de situation) ne cite aucune source</translation>
    </message>
    <message>
        <source>Places chosen on the map; click to show every place again</source>
        <translation>Lieux choisis sur la carte ; cliquez pour afficher de nouveau tous les lieux</translation>
    </message>
    <message>
        <source>Map area: 1 place ✕</source>
        <translation>Zone de la carte : 1 lieu ✕</translation>
    </message>
    <message>
        <source>Map area: {count} places ✕</source>
        <translation>Zone de la carte : {count} lieux ✕</translation>
    </message>
    <message>
        <source>Finds words in titles, descriptions and status notes (Ctrl+F)</source>
        <translation>Trouve des mots dans les titres, les descriptions et les notes de statut (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search commitments</source>
        <translation>Rechercher des engagements</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Filtre de catégorie</translation>
    </message>
    <message>
        <source>Shows one category of commitment</source>
        <translation>Affiche une catégorie d’engagement</translation>
    </message>
    <message>
        <source>Party filter</source>
        <translation>Filtre de partie</translation>
    </message>
    <message>
        <source>Shows the commitments of one party</source>
        <translation>Affiche les engagements d’une partie</translation>
    </message>
    <message>
        <source>Place filter</source>
        <translation>Filtre de lieu</translation>
    </message>
    <message>
        <source>Shows the commitments at one place</source>
        <translation>Affiche les engagements en un lieu</translation>
    </message>
    <message>
        <source>Made from</source>
        <translation>Pris depuis</translation>
    </message>
    <message>
        <source>Commitments made on or after this date</source>
        <translation>Engagements pris à cette date ou après</translation>
    </message>
    <message>
        <source>Made to</source>
        <translation>Pris jusqu’au</translation>
    </message>
    <message>
        <source>Commitments made on or before this date</source>
        <translation>Engagements pris à cette date ou avant</translation>
    </message>
    <message>
        <source>Shows only commitments past their deadline</source>
        <translation>N’affiche que les engagements dont l’échéance est passée</translation>
    </message>
    <message>
        <source>Map area</source>
        <translation>Zone de la carte</translation>
    </message>
    <message>
        <source>Any party</source>
        <translation>Toutes les parties</translation>
    </message>
    <message>
        <source>Any place</source>
        <translation>Tous les lieux</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <source>Follow what governments promised each other, and whether they delivered.</source>
        <translation>Suivre ce que les gouvernements se sont promis, et s’ils ont tenu parole.</translation>
    </message>
    <message>
        <source>Your data lives in one SQLite file:</source>
        <translation>Vos données tiennent dans un seul fichier SQLite :</translation>
    </message>
    <message>
        <source>Which status applies</source>
        <translation>Quel statut s’applique</translation>
    </message>
    <message>
        <source>Status definitions</source>
        <translation>Définitions des statuts</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>new, with its status</source>
        <translation>nouveau, avec son statut</translation>
    </message>
    <message>
        <source>an update</source>
        <translation>une mise à jour</translation>
    </message>
    <message>
        <source>an update, a new status</source>
        <translation>une mise à jour, un nouveau statut</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>aucun changement</translation>
    </message>
    <message>
        <source>a new status</source>
        <translation>un nouveau statut</translation>
    </message>
    <message>
        <source>Commitment Tracker export, or a file laid out like it</source>
        <translation>Export de Commitment Tracker, ou fichier disposé de même</translation>
    </message>
    <message>
        <source>ACLED event export</source>
        <translation>Export d’événements ACLED</translation>
    </message>
    <message>
        <source>UCDP GED events (Uppsala)</source>
        <translation>Événements UCDP GED (Uppsala)</translation>
    </message>
    <message>
        <source>Import CSV or Excel</source>
        <translation>Importer un CSV ou un classeur Excel</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>The import is one step: Edit &gt; Undo (Ctrl+Z) takes it back while this file is open.</source>
        <translation>L’import est une seule étape : Édition &gt; Annuler (Ctrl+Z) le défait tant que ce fichier est ouvert.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 avec BOM</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Virgule</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Point-virgule</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>Bar |</source>
        <translation>Barre |</translation>
    </message>
    <message>
        <source>How the file writes 03/04/2024: 3 April or 4 March?</source>
        <translation>Comment le fichier écrit 03/04/2024 : 3 avril ou 4 mars ?</translation>
    </message>
    <message>
        <source>Guess from the file</source>
        <translation>Deviner d’après le fichier</translation>
    </message>
    <message>
        <source>Day first (31/12/2024)</source>
        <translation>Jour d’abord (31/12/2024)</translation>
    </message>
    <message>
        <source>Month first (12/31/2024)</source>
        <translation>Mois d’abord (12/31/2024)</translation>
    </message>
    <message>
        <source>Year first (2024-12-31)</source>
        <translation>Année d’abord (2024-12-31)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Into</source>
        <translation>&amp;Vers</translation>
    </message>
    <message>
        <source>&amp;Preset</source>
        <translation>&amp;Préréglage</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>&amp;Encodage</translation>
    </message>
    <message>
        <source>&amp;Delimiter</source>
        <translation>&amp;Délimiteur</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>Feui&amp;lle</translation>
    </message>
    <message>
        <source>Date &amp;order</source>
        <translation>&amp;Ordre des dates</translation>
    </message>
    <message>
        <source>Problems (nothing is imported while there are any):</source>
        <translation>Problèmes (rien n’est importé tant qu’il y en a) :</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Correspondance des colonnes</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Aperçu des premières lignes</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>CSV or Excel files (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Fichiers CSV ou Excel (*.csv *.txt *.xlsx *.xlsm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The file cannot be read: {error}</source>
        <translation>Le fichier ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(non importé)</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Devient</translation>
    </message>
    <message>
        <source>problem: {columns}</source>
        <translation>problème : {columns}</translation>
    </message>
    <message>
        <source>Checking about {rows} rows…</source>
        <translation>Vérification d’environ {rows} lignes…</translation>
    </message>
    <message>
        <source>Check cancelled; press Check again to finish it.</source>
        <translation>Vérification annulée ; cliquez sur Vérifier à nouveau pour la terminer.</translation>
    </message>
    <message>
        <source>The file could not be checked: {error}</source>
        <translation>Le fichier n’a pas pu être vérifié : {error}</translation>
    </message>
    <message>
        <source>Checking CSV…</source>
        <translation>Vérification du CSV…</translation>
    </message>
    <message>
        <source>{rows} rows ready ({encoding}, delimiter {delimiter}{dates}): {added} new, {updated} to update, {unchanged} unchanged</source>
        <translation>{rows} lignes prêtes ({encoding}, délimiteur {delimiter}{dates}) : {added} nouvelles, {updated} à mettre à jour, {unchanged} inchangées</translation>
    </message>
    <message>
        <source>, {count} new statuses.</source>
        <translation>, {count} nouveaux statuts.</translation>
    </message>
    <message>
        <source>{count} problem(s) in {rows} rows.</source>
        <translation>{count} problème(s) dans {rows} lignes.</translation>
    </message>
    <message>
        <source>day first</source>
        <translation>jour d’abord</translation>
    </message>
    <message>
        <source>month first</source>
        <translation>mois d’abord</translation>
    </message>
    <message>
        <source>year first</source>
        <translation>année d’abord</translation>
    </message>
    <message>
        <source> (guessed)</source>
        <translation> (deviné)</translation>
    </message>
    <message>
        <source>, dates {order}{guessed}</source>
        <translation>, dates {order}{guessed}</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import annulé ; rien n’a été importé.</translation>
    </message>
    <message>
        <source>The import failed: {error}</source>
        <translation>L’import a échoué : {error}</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>Importer un CSV</translation>
    </message>
    <message>
        <source>Importing CSV…</source>
        <translation>Import du CSV…</translation>
    </message>
    <message>
        <source>Import of {name}</source>
        <translation>Import de {name}</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Non annulé</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged. Undo with Ctrl+Z.</source>
        <translation>Importé : {added} ajoutées, {updated} mises à jour, {unchanged} inchangées. Annulez avec Ctrl+Z.</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> et {count} de plus</translation>
    </message>
    <message>
        <source>New actors (not countries, not yet recorded): {listed}. Import creates them as they are written; if one is meant to be a country, correct its cell and press Check again.</source>
        <translation>Nouveaux acteurs (ni pays, ni déjà enregistrés) : {listed}. L’import les crée tels qu’ils sont écrits ; si l’un doit être un pays, corrigez sa cellule et cliquez sur Vérifier à nouveau.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>S&amp;ources</source>
        <translation>S&amp;ources</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>Ouverture de {path}…</translation>
    </message>
    <message>
        <source>&amp;Commitments</source>
        <translation>E&amp;ngagements</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Rechercher des événements</translation>
    </message>
    <message>
        <source>Even&amp;ts</source>
        <translation>Événemen&amp;ts</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistiques</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Tableau de &amp;bord</translation>
    </message>
    <message>
        <source>Tables, details and charts show this date</source>
        <translation>Les tableaux, les détails et les graphiques montrent cette date</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>Situation &amp;au</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message>
        <source>That commitment is hidden by the current filter; clear it with Ctrl+L.</source>
        <translation>Cet engagement est masqué par le filtre actuel ; effacez-le avec Ctrl+L.</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Carte</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <source>Drag to pan, wheel to zoom, Shift+drag a rectangle to filter the tables to its places; click a commitment&apos;s place to select it.</source>
        <translation>Faites glisser pour déplacer, la molette pour zoomer, Maj+glisser un rectangle pour filtrer les tableaux sur ses lieux ; cliquez sur le lieu d’un engagement pour le sélectionner.</translation>
    </message>
    <message>
        <source>Reading the places and events for the map…</source>
        <translation>Lecture des lieux et des événements pour la carte…</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>Saved &amp;views</source>
        <translation>Vues en&amp;registrées</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
</context>
<context>
    <name>MergeConflictsDialog</name>
    <message>
        <source>Merge conflicts</source>
        <translation>Conflits de fusion</translation>
    </message>
    <message>
        <source>{count} values set aside by merges: the value kept is in the file, the value lost is kept here.</source>
        <translation>{count} valeurs mises de côté par des fusions : la valeur retenue est dans le fichier, la valeur perdue est conservée ici.</translation>
    </message>
    <message>
        <source>1 value set aside by merges: the value kept is in the file, the value lost is kept here.</source>
        <translation>1 valeur mise de côté par des fusions : la valeur retenue est dans le fichier, la valeur perdue est conservée ici.</translation>
    </message>
    <message>
        <source>No merge has set a value aside in this file.</source>
        <translation>Aucune fusion n’a mis de valeur de côté dans ce fichier.</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export merge conflicts</source>
        <translation>Exporter les conflits de fusion</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>{target} could not be written: {reason}.</source>
        <translation>{target} n’a pas pu être écrit : {reason}.</translation>
    </message>
    <message>
        <source>{rows} conflicts written to {target}.</source>
        <translation>{rows} conflits écrits dans {target}.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Les vôtres</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Les leurs</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Retenue</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Merge from another database</source>
        <extracomment>bytes of both files: smaller ones are compared at once, bigger ones on a worker</extracomment>
        <translation>Fusionner depuis une autre base</translation>
    </message>
    <message>
        <source>A colleague&apos;s Commitment Tracker file (.db)</source>
        <translation>Le fichier Commitment Tracker d’un collègue (.db)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the file to merge into yours.</source>
        <translation>Choisissez le fichier à fusionner dans le vôtre.</translation>
    </message>
    <message>
        <source>Before merging, a copy of your file is kept beside it; Edit &gt; Undo (Ctrl+Z) takes the merge back while this file is open. Values that lose are kept in View &gt; Merge conflicts.</source>
        <translation>Avant la fusion, une copie de votre fichier est gardée à côté ; Édition &gt; Annuler (Ctrl+Z) défait la fusion tant que ce fichier est ouvert. Les valeurs perdantes sont conservées dans Affichage &gt; Conflits de fusion.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>Merge from</source>
        <translation>Fusionner depuis</translation>
    </message>
    <message>
        <source>Comparison cancelled; choose the file again to compare it.</source>
        <translation>Comparaison annulée ; choisissez à nouveau le fichier pour le comparer.</translation>
    </message>
    <message>
        <source>Comparing the files…</source>
        <translation>Comparaison des fichiers…</translation>
    </message>
    <message>
        <source>Nothing to merge: your file already holds everything in theirs.</source>
        <translation>Rien à fusionner : votre fichier contient déjà tout ce que contient le leur.</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation>Fusion annulée ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusion</translation>
    </message>
    <message>
        <source>The merge failed: {error}</source>
        <translation>La fusion a échoué : {error}</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusion…</translation>
    </message>
    <message>
        <source>Merge from {name}</source>
        <translation>Fusion depuis {name}</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Non annulé</translation>
    </message>
    <message>
        <source>Merged: {summary}. Your file as it was is kept in {copy}; Ctrl+Z undoes the merge.</source>
        <translation>Fusionné : {summary}. Votre fichier tel qu’il était est gardé dans {copy} ; Ctrl+Z défait la fusion.</translation>
    </message>
</context>
<context>
    <name>Pickers</name>
    <message>
        <source>Countries or actors, separated by ;  (e.g. Pakistan; Iran)</source>
        <translation>Pays ou acteurs, séparés par ;  (p. ex. Pakistan; Iran)</translation>
    </message>
    <message>
        <source>Places, separated by ;  (type 3 letters for suggestions)</source>
        <translation>Lieux, séparés par ;  (tapez 3 lettres pour des suggestions)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Web addresses or known sources, separated by ;</source>
        <translation>Adresses web ou sources connues, séparées par ;</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Adresse web</translation>
    </message>
</context>
<context>
    <name>PlaceNames</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>Nom local</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Place names</source>
        <translation>Noms de lieux</translation>
    </message>
    <message>
        <source>Find a place by either name</source>
        <translation>Trouver un lieu par l’un ou l’autre nom</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Each place&apos;s name and its name in the country&apos;s own script; F2 edits a cell</source>
        <translation>Le nom de chaque lieu et son nom dans l’écriture du pays ; F2 modifie une cellule</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Places</source>
        <translation>&amp;Lieux</translation>
    </message>
    <message>
        <source>row {row} has no name; a place needs one</source>
        <translation>la ligne {row} n’a pas de nom ; un lieu en a besoin d’un</translation>
    </message>
    <message>
        <source>Edit {count} place names</source>
        <translation>Modifier {count} noms de lieux</translation>
    </message>
    <message>
        <source>Edit 1 place name</source>
        <translation>Modifier 1 nom de lieu</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>New commitment {name}</source>
        <extracomment>undo step names (new, edit, delete) for each kind of record, translated when pushed; one template a kind, since other languages inflect the noun and its article</extracomment>
        <translation>Nouvel engagement {name}</translation>
    </message>
    <message>
        <source>Edit commitment {name}</source>
        <translation>Modifier l’engagement {name}</translation>
    </message>
    <message>
        <source>Delete commitment {name}</source>
        <translation>Supprimer l’engagement {name}</translation>
    </message>
    <message>
        <source>New event {name}</source>
        <translation>Nouvel événement {name}</translation>
    </message>
    <message>
        <source>Edit event {name}</source>
        <translation>Modifier l’événement {name}</translation>
    </message>
    <message>
        <source>Delete event {name}</source>
        <translation>Supprimer l’événement {name}</translation>
    </message>
    <message>
        <source>New statistic {name}</source>
        <translation>Nouvelle statistique {name}</translation>
    </message>
    <message>
        <source>Edit statistic {name}</source>
        <translation>Modifier la statistique {name}</translation>
    </message>
    <message>
        <source>Delete statistic {name}</source>
        <translation>Supprimer la statistique {name}</translation>
    </message>
    <message>
        <source>Not undone</source>
        <extracomment>the window&apos;s commands that are functions of this module of the same name</extracomment>
        <translation>Non annulé</translation>
    </message>
    <message>
        <source>New from article ({count} commitments)</source>
        <translation>Nouveau depuis un article ({count} engagements)</translation>
    </message>
    <message>
        <source>Select a commitment first, then update its status.</source>
        <translation>Sélectionnez d’abord un engagement, puis mettez à jour son statut.</translation>
    </message>
    <message>
        <source>Status {status} for {title}</source>
        <translation>Statut {status} pour {title}</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Non supprimé</translation>
    </message>
    <message>
        <source>Deleted. Undo with Ctrl+Z.</source>
        <translation>Supprimé. Annulez avec Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Save view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>Nom de cette vue :</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Not shared. Readers would see the file as it is when you press Share.</source>
        <translation>Non partagé. Les lecteurs verraient le fichier tel qu’il est au moment où vous cliquez sur Partager.</translation>
    </message>
    <message>
        <source>Share read-only</source>
        <translation>Partager en lecture seule</translation>
    </message>
    <message>
        <source>Colleagues without the app can read a copy of this database in their browser, with its statuses in words, facets and ready-made queries. Nobody can change it.</source>
        <translation>Des collègues sans l’application peuvent lire une copie de cette base dans leur navigateur, avec ses statuts en toutes lettres, des facettes et des requêtes toutes prêtes. Personne ne peut la modifier.</translation>
    </message>
    <message>
        <source>e.g. CC BY 4.0 (optional)</source>
        <translation>p. ex. CC BY 4.0 (facultatif)</translation>
    </message>
    <message>
        <source>Let other computers on the network read it</source>
        <translation>Laisser les autres ordinateurs du réseau la lire</translation>
    </message>
    <message>
        <source>readers type it, with the user name &apos;{reader}&apos;</source>
        <translation>les lecteurs le saisissent, avec le nom d’utilisateur « {reader} »</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Partager</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Licence</source>
        <translation>&amp;Licence</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Open a database first.</source>
        <translation>Ouvrez d’abord une base.</translation>
    </message>
    <message>
        <source>Type a password: readers on the network will be asked for it.</source>
        <translation>Saisissez un mot de passe : les lecteurs du réseau devront le donner.</translation>
    </message>
    <message>
        <source>Copying {name} and starting the server…</source>
        <translation>Copie de {name} et démarrage du serveur…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source> (user &lt;b&gt;{reader}&lt;/b&gt; and your password)</source>
        <translation> (utilisateur &lt;b&gt;{reader}&lt;/b&gt; et votre mot de passe)</translation>
    </message>
    <message>
        <source>Shared at {link}{login}.&lt;br&gt;Readers see {name} as it was at {time}: to show later changes, stop and share again.</source>
        <translation>Partagé à l’adresse {link}{login}.&lt;br&gt;Les lecteurs voient {name} tel qu’il était à {time} : pour montrer les changements ultérieurs, arrêtez et partagez à nouveau.</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>&amp;Arrêter le partage</translation>
    </message>
    <message>
        <source>Could not share: {error}</source>
        <translation>Impossible de partager : {error}</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>Web address</source>
        <translation>Adresse web</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Consulté le</translation>
    </message>
    <message>
        <source>Cited by 1 record</source>
        <translation>Citée par 1 fiche</translation>
    </message>
    <message>
        <source>Cited by {count} records</source>
        <translation>Citée par {count} fiches</translation>
    </message>
    <message>
        <source>No live record cites this source.</source>
        <translation>Aucune fiche en vigueur ne cite cette source.</translation>
    </message>
    <message>
        <source>No snapshot: only sources made with New from article keep the article&apos;s text.</source>
        <translation>Pas de copie : seules les sources créées par Nouveau depuis un article gardent le texte de l’article.</translation>
    </message>
    <message>
        <source>The article as it was added ({size} bytes, stored in {stored}); {highlighted}: the sentences records were made from.</source>
        <translation>L’article tel qu’il a été ajouté ({size} octets, stockés en {stored}) ; {highlighted} : les phrases dont les fiches ont été tirées.</translation>
    </message>
    <message>
        <source>highlighted</source>
        <translation>surligné</translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>Cité par</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Adresse web</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Every source with its publisher, date and the number of records citing it</source>
        <translation>Chaque source avec son éditeur, sa date et le nombre d’enregistrements qui la citent</translation>
    </message>
    <message>
        <source>Source details</source>
        <translation>Détails de la source</translation>
    </message>
    <message>
        <source>The chosen source, the records citing it and its saved article text</source>
        <translation>La source choisie, les enregistrements qui la citent et le texte enregistré de l’article</translation>
    </message>
    <message>
        <source>Merge duplicate sources</source>
        <translation>Fusionner les sources en double</translation>
    </message>
    <message>
        <source>Sources with the same web address become the oldest one</source>
        <translation>Les sources de même adresse web se fondent dans la plus ancienne</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gardé</translation>
    </message>
    <message>
        <source>{sources} sources; 1 duplicate</source>
        <translation>{sources} sources ; 1 doublon</translation>
    </message>
    <message>
        <source>{sources} sources; {extra} duplicates</source>
        <translation>{sources} sources ; {extra} doublons</translation>
    </message>
    <message>
        <source>(the same web address as an older source)</source>
        <translation>(la même adresse web qu’une source plus ancienne)</translation>
    </message>
    <message>
        <source>Select a source to see the records citing it and the article it keeps.</source>
        <translation>Sélectionnez une source pour voir les fiches qui la citent et l’article qu’elle garde.</translation>
    </message>
    <message>
        <source>Sources not merged</source>
        <translation>Sources non fusionnées</translation>
    </message>
    <message>
        <source>Merge {count} duplicate sources</source>
        <translation>Fusionner {count} sources en double</translation>
    </message>
    <message>
        <source>{count} duplicate sources merged. Undo with Ctrl+Z.</source>
        <translation>{count} sources en double fusionnées. Annulez avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Merge 1 duplicate source</source>
        <translation>Fusionner 1 source en double</translation>
    </message>
    <message>
        <source>1 duplicate source merged. Undo with Ctrl+Z.</source>
        <translation>1 source en double fusionnée. Annulez avec Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>StatisticEditor</name>
    <message>
        <source>Edit statistic</source>
        <translation>Modifier la statistique</translation>
    </message>
    <message>
        <source>New reported statistic</source>
        <translation>Nouvelle statistique publiée</translation>
    </message>
    <message>
        <source>e.g. Attacks in Pakistan</source>
        <translation>p. ex. Attentats au Pakistan</translation>
    </message>
    <message>
        <source>optional value to compare with</source>
        <translation>valeur de comparaison facultative</translation>
    </message>
    <message>
        <source>Country name or ISO code</source>
        <translation>Nom du pays ou code ISO</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Libellé</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Valeur</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <source>Period &amp;from</source>
        <translation>Période &amp;du</translation>
    </message>
    <message>
        <source>Period &amp;to</source>
        <translation>Période &amp;au</translation>
    </message>
    <message>
        <source>&amp;Baseline value</source>
        <translation>Valeur de &amp;référence</translation>
    </message>
    <message>
        <source>Baseline fr&amp;om</source>
        <translation>Référence d&amp;epuis</translation>
    </message>
    <message>
        <source>Ba&amp;seline to</source>
        <translation>Référence &amp;jusqu’au</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>&amp;Pays</translation>
    </message>
    <message>
        <source>&amp;Method note</source>
        <translation>Note de &amp;méthode</translation>
    </message>
    <message>
        <source>{text} is not a country name or ISO code</source>
        <translation>{text} n’est ni un nom de pays ni un code ISO</translation>
    </message>
    <message>
        <source>the baseline {text} is not a number</source>
        <translation>la valeur de référence {text} n’est pas un nombre</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Not yet rated</source>
        <translation>Pas encore évalué</translation>
    </message>
    <message>
        <source>No one has judged this commitment yet; it is recorded but not assessed.</source>
        <translation>Personne n’a encore jugé cet engagement ; il est enregistré mais pas évalué.</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Visible steps are being taken towards keeping the commitment.</source>
        <translation>Des mesures visibles sont prises pour tenir l’engagement.</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Au point mort</translation>
    </message>
    <message>
        <source>Nothing has moved for a long time, or the work was paused or blocked.</source>
        <translation>Rien n’a bougé depuis longtemps, ou le travail a été suspendu ou bloqué.</translation>
    </message>
    <message>
        <source>Partially fulfilled</source>
        <translation>Partiellement tenu</translation>
    </message>
    <message>
        <source>Part of what was promised has been delivered, but not all of it.</source>
        <translation>Une partie de ce qui était promis a été réalisée, mais pas tout.</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Tenu</translation>
    </message>
    <message>
        <source>What was promised has been delivered in full.</source>
        <translation>Ce qui était promis a été entièrement réalisé.</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Rompu</translation>
    </message>
    <message>
        <source>The commitment was abandoned, reversed or plainly not kept.</source>
        <translation>L’engagement a été abandonné, renié ou tout simplement pas tenu.</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mixte</translation>
    </message>
    <message>
        <source>The promising parties stand in different statuses (each party&apos;s own status is shown beside it). Worked out, never entered; still open.</source>
        <translation>Les parties qui ont promis sont dans des statuts différents (le statut propre de chaque partie est affiché à côté). Déduit, jamais saisi ; toujours ouvert.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Update status: {title}</source>
        <translation>Mettre à jour le statut : {title}</translation>
    </message>
    <message>
        <source>The whole commitment</source>
        <translation>L’engagement entier</translation>
    </message>
    <message>
        <source>{party} only</source>
        <translation>{party} seulement</translation>
    </message>
    <message>
        <source>The rationale: what happened, and why it earns this status</source>
        <translation>La justification : ce qui s’est passé, et pourquoi cela vaut ce statut</translation>
    </message>
    <message>
        <source>https://… or a known source</source>
        <translation>https://… ou une source connue</translation>
    </message>
    <message>
        <source>Without a source this rating is marked unsourced in the history.</source>
        <translation>Sans source, cette évaluation est marquée « sans source » dans l’historique.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>&amp;Concerns</source>
        <translation>&amp;Concerne</translation>
    </message>
    <message>
        <source>&amp;Rationale</source>
        <translation>&amp;Justification</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>S&amp;ource</translation>
    </message>
    <message>
        <source>&amp;Evidence event</source>
        <translation>É&amp;vénement à l’appui</translation>
    </message>
    <message>
        <source>give the rationale for this status: what happened, and why</source>
        <translation>donnez la justification de ce statut : ce qui s’est passé, et pourquoi</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Economic</source>
        <translation>Économie</translation>
    </message>
    <message>
        <source>Diplomatic</source>
        <translation>Diplomatie</translation>
    </message>
    <message>
        <source>Political</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Humanitarian</source>
        <translation>Humanitaire</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>promisor</source>
        <translation>promettant</translation>
    </message>
    <message>
        <source>beneficiary</source>
        <translation>bénéficiaire</translation>
    </message>
    <message>
        <source>guarantor</source>
        <translation>garant</translation>
    </message>
    <message>
        <source>to the day</source>
        <translation>au jour près</translation>
    </message>
    <message>
        <source>to the week</source>
        <translation>à la semaine près</translation>
    </message>
    <message>
        <source>to the month</source>
        <translation>au mois près</translation>
    </message>
    <message>
        <source>to the year</source>
        <translation>à l’année près</translation>
    </message>
</context>
</TS>
