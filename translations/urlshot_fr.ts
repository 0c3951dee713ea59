<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdvancedOptionsDialog</name>
    <message>
        <source>More Capture Options</source>
        <translation>Autres options de capture</translation>
    </message>
    <message>
        <source>Capture only the &amp;element:</source>
        <translation>Capturer seulement l&apos;&amp;élément&#xa0;:</translation>
    </message>
    <message>
        <source>CSS selector, e.g. #main</source>
        <translation>sélecteur CSS, par ex. #main</translation>
    </message>
    <message>
        <source>&amp;Wait for element:</source>
        <translation>A&amp;ttendre l&apos;élément&#xa0;:</translation>
    </message>
    <message>
        <source>CSS selector that must appear first</source>
        <translation>sélecteur CSS qui doit d&apos;abord apparaître</translation>
    </message>
    <message>
        <source>Extra &amp;delay:</source>
        <translation>&amp;Délai supplémentaire&#xa0;:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation>&#xa0;ms</translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation>Dé&amp;lai maximal&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <source>the service default</source>
        <translation>celui du service</translation>
    </message>
    <message>
        <source>&amp;Hide elements:</source>
        <translation>&amp;Masquer les éléments&#xa0;:</translation>
    </message>
    <message>
        <source>one CSS selector a line</source>
        <translation>un sélecteur CSS par ligne</translation>
    </message>
    <message>
        <source>Add &amp;CSS:</source>
        <translation>Ajouter du &amp;CSS&#xa0;:</translation>
    </message>
    <message>
        <source>Run &amp;JavaScript:</source>
        <translation>Exécuter du &amp;JavaScript&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User agent:</source>
        <translation>&amp;User-agent&#xa0;:</translation>
    </message>
    <message>
        <source>Chromium&apos;s own when empty</source>
        <translation>vide&#xa0;: celui de Chromium</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;En-têtes&#xa0;:</translation>
    </message>
    <message>
        <source>Name: value, one a line (sent to the page&apos;s own site only)</source>
        <translation>Nom: valeur, un par ligne (envoyés au seul site de la page)</translation>
    </message>
    <message>
        <source>C&amp;ookies:</source>
        <translation>Coo&amp;kies&#xa0;:</translation>
    </message>
    <message>
        <source>name=value, one a line</source>
        <translation>nom=valeur, un par ligne</translation>
    </message>
    <message>
        <source>Basic auth &amp;name:</source>
        <translation>&amp;Nom (auth. Basic)&#xa0;:</translation>
    </message>
    <message>
        <source>Basic auth &amp;password:</source>
        <translation>Mot de &amp;passe (auth. Basic)&#xa0;:</translation>
    </message>
    <message>
        <source>Block &amp;ads and trackers</source>
        <translation>Bloquer publicités et t&amp;raqueurs</translation>
    </message>
    <message>
        <source>Hide cookie &amp;banners</source>
        <translation>Masquer les &amp;bannières de cookies</translation>
    </message>
    <message>
        <source>&amp;Scroll through the page first</source>
        <translation>&amp;Faire défiler la page d’abord</translation>
    </message>
    <message>
        <source>Lazy-loaded images and sections appear in the shot (most useful with Full page)</source>
        <translation>Les images et sections chargées à la demande apparaissent dans la capture (surtout utile avec « Page entière »)</translation>
    </message>
</context>
<context>
    <name>ImageViewerDialog</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>Adapter à la &amp;fenêtre</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>%1 × %2 px, %3 %</source>
        <translation>%1 × %2&#xa0;px, %3&#xa0;%</translation>
    </message>
</context>
<context>
    <name>JobDetailsView</name>
    <message>
        <source>not due yet</source>
        <translation>pas encore prévue</translation>
    </message>
    <message>
        <source>waiting to be delivered</source>
        <translation>en attente de livraison</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>livrée</translation>
    </message>
    <message>
        <source>given up</source>
        <translation>abandonnée</translation>
    </message>
    <message>
        <source>Select a job to see its details.</source>
        <translation>Sélectionnez une tâche pour en afficher les détails.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Identifiant de la tâche</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumission</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Capture took</source>
        <translation>Durée de la capture</translation>
    </message>
    <message>
        <source>Viewport</source>
        <translation>Taille de la fenêtre</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2&#xa0;px</translation>
    </message>
    <message>
        <source>Capture attempts</source>
        <translation>Tentatives de capture</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Public link</source>
        <translation>Lien public</translation>
    </message>
    <message>
        <source>Status link</source>
        <translation>Lien d&apos;état</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>Webhook attempts</source>
        <translation>Tentatives de livraison du webhook</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <source>scale %1×</source>
        <translation>échelle %1×</translation>
    </message>
    <message>
        <source>full page</source>
        <translation>page entière</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>délai %1&#xa0;ms</translation>
    </message>
    <message>
        <source>wait for %1</source>
        <translation>attendre %1</translation>
    </message>
    <message>
        <source>timeout %1 s</source>
        <translation>délai maximal %1&#xa0;s</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>The page was taller than %1 px and was cut there.</source>
        <translation>La page dépassait %1&#xa0;px de haut et a été coupée à cette hauteur.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2 × %3 px, %4</source>
        <translation>%1, %2 × %3&#xa0;px, %4</translation>
    </message>
    <message>
        <source>Page title</source>
        <translation>Titre de la page</translation>
    </message>
    <message>
        <source>Final URL</source>
        <translation>URL finale</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>Statut HTTP</translation>
    </message>
    <message>
        <source>Loaded in</source>
        <translation>Chargée en</translation>
    </message>
    <message>
        <source>Console errors</source>
        <translation>Erreurs de la console</translation>
    </message>
    <message>
        <source>dark mode</source>
        <translation>mode sombre</translation>
    </message>
    <message>
        <source>scrolled to load</source>
        <translation>défilée pour charger</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Non chargé</translation>
    </message>
    <message>
        <source>Ad requests blocked</source>
        <translation>Requêtes publicitaires bloquées</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation>Capture en cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 × %2, %3</source>
        <translation>%1 × %2, %3</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumission</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>PDF, %1</source>
        <translation>PDF, %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>urlshot — web page screenshots</source>
        <translation>urlshot — captures d&apos;écran de pages web</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message>
        <source>API listening on %1</source>
        <translation>API à l&apos;écoute sur %1</translation>
    </message>
    <message>
        <source>API not running: %1</source>
        <translation>API non démarrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>API off (turn it on in Settings)</source>
        <translation>API désactivée (activez-la dans les paramètres)</translation>
    </message>
    <message>
        <source>%1 queued · %2 capturing · %3 completed · %4 failed</source>
        <translation>En attente&#xa0;: %1 · En cours&#xa0;: %2 · Terminées&#xa0;: %3 · Échouées&#xa0;: %4</translation>
    </message>
    <message numerus="yes">
        <source>Capturing %n page(s)…</source>
        <translation>
            <numerusform>Capture de %n page…</numerusform>
            <numerusform>Capture de %n pages…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not Submitted</source>
        <translation>Échec de la soumission</translation>
    </message>
    <message>
        <source>urlshot could not store the job for %1. See the log for the reason.</source>
        <translation>urlshot n&apos;a pas pu enregistrer la tâche pour %1. Consultez le journal pour en connaître la raison.</translation>
    </message>
    <message numerus="yes">
        <source>Submitted %n page(s)</source>
        <translation>
            <numerusform>%n page soumise</numerusform>
            <numerusform>%n pages soumises</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Ouvrir l&apos;image</translation>
    </message>
    <message>
        <source>The image file cannot be read.</source>
        <translation>Impossible de lire le fichier image.</translation>
    </message>
    <message>
        <source>Save Image As</source>
        <translation>Enregistrer l&apos;image sous</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Image copied</source>
        <translation>Image copiée</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Lien copié</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n job(s)</source>
        <translation>
            <numerusform>Nouvel essai de %n tâche</numerusform>
            <numerusform>Nouvel essai de %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the job for %1 and its image?</source>
        <translation>Supprimer la tâche pour %1 et son image&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs and their images?</source>
        <translation>
            <numerusform>Supprimer %n tâche et son image&#xa0;?</numerusform>
            <numerusform>Supprimer %n tâches et leurs images&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Jobs</source>
        <translation>Supprimer les tâches</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n job(s)</source>
        <translation>
            <numerusform>%n tâche supprimée</numerusform>
            <numerusform>%n tâches supprimées</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>urlshot will use the new data folder from its next start.</source>
        <translation>urlshot utilisera le nouveau dossier de données à partir de son prochain démarrage.</translation>
    </message>
    <message>
        <source>About urlshot</source>
        <translation>À propos d&apos;urlshot</translation>
    </message>
    <message>
        <source>&lt;h3&gt;urlshot %1&lt;/h3&gt;&lt;p&gt;Captures web pages as images, here and through its REST API.&lt;/p&gt;&lt;p&gt;Qt %2, Qt WebEngine (Chromium).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;urlshot %1&lt;/h3&gt;&lt;p&gt;Capture des pages web sous forme d&apos;images, ici et via son API REST.&lt;/p&gt;&lt;p&gt;Qt %2, Qt WebEngine (Chromium).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Captures Running</source>
        <translation>Captures en cours</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s) are still running.</source>
        <translation>
            <numerusform>%n capture est toujours en cours.</numerusform>
            <numerusform>%n captures sont toujours en cours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs that are not finished stay in the queue and run the next time urlshot starts.</source>
        <translation>Les tâches non terminées restent dans la file d&apos;attente et seront exécutées au prochain démarrage d&apos;urlshot.</translation>
    </message>
    <message>
        <source>&amp;Finish Them, Then Quit</source>
        <translation>&amp;Les terminer, puis quitter</translation>
    </message>
    <message>
        <source>&amp;Quit Now</source>
        <translation>&amp;Quitter maintenant</translation>
    </message>
    <message>
        <source>Finishing captures…</source>
        <translation>Finalisation des captures…</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <source>Search URLs</source>
        <translation>Rechercher des URL</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>&amp;Tâche</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barre d&apos;outils</translation>
    </message>
    <message>
        <source>&amp;Open Image</source>
        <translation>&amp;Ouvrir l&apos;image</translation>
    </message>
    <message>
        <source>Open the screenshot in the full-size viewer</source>
        <translation>Ouvrir la capture d&apos;écran en taille réelle dans la visionneuse</translation>
    </message>
    <message>
        <source>&amp;Save Image As…</source>
        <translation>&amp;Enregistrer l&apos;image sous…</translation>
    </message>
    <message>
        <source>Save the screenshot to a file</source>
        <translation>Enregistrer la capture d&apos;écran dans un fichier</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>&amp;Copier l&apos;image</translation>
    </message>
    <message>
        <source>Copy the screenshot to the clipboard</source>
        <translation>Copier la capture d&apos;écran dans le presse-papiers</translation>
    </message>
    <message>
        <source>Copy Public &amp;Link</source>
        <translation>Copier le &amp;lien public</translation>
    </message>
    <message>
        <source>Copy the link anyone can fetch the image from</source>
        <translation>Copier le lien permettant à quiconque de récupérer l&apos;image</translation>
    </message>
    <message>
        <source>Open Page in &amp;Browser</source>
        <translation>Ouvrir la page dans le &amp;navigateur</translation>
    </message>
    <message>
        <source>Open the captured page in the system&apos;s web browser</source>
        <translation>Ouvrir la page capturée dans le navigateur web du système</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Capture a failed job again</source>
        <translation>Capturer à nouveau une tâche ayant échoué</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected jobs and their images</source>
        <translation>Supprimer les tâches sélectionnées et leurs images</translation>
    </message>
    <message>
        <source>&amp;New Capture</source>
        <translation>&amp;Nouvelle capture</translation>
    </message>
    <message>
        <source>Go to the address field</source>
        <translation>Aller au champ d&apos;adresse</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Address, port, captures at once, data folder, webhook retries</source>
        <translation>Adresse, port, captures simultanées, dossier de données, nouvelles tentatives du webhook</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit urlshot</source>
        <translation>Quitter urlshot</translation>
    </message>
    <message>
        <source>&amp;About urlshot</source>
        <translation>À &amp;propos d&apos;urlshot</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>Fichiers %1 (*.%2)</translation>
    </message>
    <message>
        <source>Regenerate API Token</source>
        <translation>Régénérer le jeton d’API</translation>
    </message>
    <message>
        <source>Regenerate Webhook Secret</source>
        <translation>Régénérer le secret des webhooks</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>The image file cannot be read.</source>
        <translation>Impossible de lire le fichier image.</translation>
    </message>
    <message>
        <source>Select a job to see its screenshot.</source>
        <translation>Sélectionnez une tâche pour afficher sa capture d&apos;écran.</translation>
    </message>
    <message>
        <source>Waiting for a free capture slot…</source>
        <translation>En attente d&apos;un emplacement de capture libre…</translation>
    </message>
    <message>
        <source>Capturing %1…</source>
        <translation>Capture de %1…</translation>
    </message>
    <message>
        <source>The capture failed:
%1</source>
        <translation>La capture a échoué&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>PDF document, %1.
Open Image shows it in your PDF viewer.</source>
        <translation>Document PDF, %1.
«&#xa0;Ouvrir l&apos;image&#xa0;» l&apos;affiche dans votre visionneuse PDF.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>“%1” is not an IP address. Use 127.0.0.1 to serve this computer only, or 0.0.0.0 for every network.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IP. Utilisez 127.0.0.1 pour servir uniquement cet ordinateur, ou 0.0.0.0 pour tous les réseaux.</translation>
    </message>
    <message>
        <source>Choose a folder for the jobs and images.</source>
        <translation>Choisissez un dossier pour les tâches et les images.</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>API REST</translation>
    </message>
    <message>
        <source>&amp;Serve the REST API while urlshot runs</source>
        <translation>Acti&amp;ver l&apos;API REST pendant l&apos;exécution d&apos;urlshot</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Adre&amp;sse&#xa0;:</translation>
    </message>
    <message>
        <source>127.0.0.1 serves this computer only; 0.0.0.0 every network</source>
        <translation>127.0.0.1 sert uniquement cet ordinateur&#xa0;; 0.0.0.0 tous les réseaux</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>n&apos;importe quel port libre</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Captures at &amp;once:</source>
        <translation>&amp;Captures simultanées&#xa0;:</translation>
    </message>
    <message>
        <source>Give up on a page &amp;after:</source>
        <translation>Délai &amp;maximal par page&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Dossier de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parcour&amp;ir…</translation>
    </message>
    <message>
        <source>A new data folder is used from the next start.</source>
        <translation>Un nouveau dossier de données est utilisé à partir du prochain démarrage.</translation>
    </message>
    <message>
        <source>Webhook delivery</source>
        <translation>Livraison du webhook</translation>
    </message>
    <message>
        <source>A&amp;ttempts:</source>
        <translation>&amp;Tentatives&#xa0;:</translation>
    </message>
    <message>
        <source>First &amp;retry after:</source>
        <translation>Premier nouvel &amp;essai après&#xa0;:</translation>
    </message>
    <message>
        <source>Each further retry waits twice as long as the one before</source>
        <translation>Chaque nouvel essai attend deux fois plus longtemps que le précédent</translation>
    </message>
    <message>
        <source>Receiver must answer &amp;within:</source>
        <translation>Délai de &amp;réponse du destinataire&#xa0;:</translation>
    </message>
    <message>
        <source>Clients send it as “Authorization: Bearer &lt;token&gt;”; urlshot token prints it</source>
        <translation>Les clients l’envoient comme « Authorization: Bearer &lt;token&gt; » ; urlshot token l’affiche</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <source>Make a new token at once; clients with the old one are refused</source>
        <translation>Créer tout de suite un nouveau jeton ; les clients avec l’ancien sont refusés</translation>
    </message>
    <message>
        <source>Require the token for e&amp;very request, not only admin ones</source>
        <translation>Exiger le jeton pour chaque re&amp;quête, pas seulement celles d’administration</translation>
    </message>
    <message>
        <source>Always on when the address is not 127.0.0.1 or ::1. Image links never need it.</source>
        <translation>Toujours actif quand l’adresse n’est ni 127.0.0.1 ni ::1. Les liens d’image n’en ont jamais besoin.</translation>
    </message>
    <message>
        <source>Regenerate API Token</source>
        <translation>Régénérer le jeton d’API</translation>
    </message>
    <message>
        <source>Clients that use the current token will be refused until they get the new one. Make a new token?</source>
        <translation>Les clients qui utilisent le jeton actuel seront refusés jusqu’à ce qu’ils aient le nouveau. Créer un nouveau jeton ?</translation>
    </message>
    <message>
        <source>API to&amp;ken:</source>
        <translation>&amp;Jeton d’API&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;generate…</source>
        <translation>Ré&amp;générer…</translation>
    </message>
    <message>
        <source>Signing s&amp;ecret:</source>
        <translation>Secret de signat&amp;ure&#xa0;:</translation>
    </message>
    <message>
        <source>Receivers check webhook-signature with it (Standard Webhooks); urlshot webhook-secret prints it</source>
        <translation>Les destinataires vérifient webhook-signature avec lui (Standard Webhooks) ; urlshot webhook-secret l’affiche</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Copier &amp;le secret</translation>
    </message>
    <message>
        <source>Rege&amp;nerate…</source>
        <translation>&amp;Nouveau secret…</translation>
    </message>
    <message>
        <source>Sign from now on with a new secret; receivers need the new one</source>
        <translation>Signer désormais avec un nouveau secret ; les destinataires ont besoin du nouveau</translation>
    </message>
    <message>
        <source>Regenerate Webhook Secret</source>
        <translation>Régénérer le secret des webhooks</translation>
    </message>
    <message>
        <source>Webhook receivers will reject deliveries until they have the new secret. Make a new secret?</source>
        <translation>Les destinataires refuseront les envois tant qu’ils n’auront pas le nouveau secret. Créer un nouveau secret ?</translation>
    </message>
    <message>
        <source>Pr&amp;ivate addresses:</source>
        <translation>&amp;Adresses privées&#xa0;:</translation>
    </message>
    <message>
        <source>Whether pages and webhooks may reach loopback, LAN and other private addresses. Cloud metadata addresses are always blocked.</source>
        <translation>Si les pages et les webhooks peuvent atteindre les adresses de bouclage, du réseau local et les autres adresses privées. Les adresses de métadonnées cloud sont toujours bloquées.</translation>
    </message>
    <message>
        <source>A&amp;llowed targets:</source>
        <translation>Ci&amp;bles autorisées&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:8080 http://192.168.1.20</source>
        <translation>p. ex. http://127.0.0.1:8080 http://192.168.1.20</translation>
    </message>
    <message>
        <source>Origins that pages and webhooks may always reach, separated by spaces</source>
        <translation>Origines que les pages et les webhooks peuvent toujours atteindre, séparées par des espaces</translation>
    </message>
    <message>
        <source>Allowed while the API serves this computer only</source>
        <translation>Autorisées tant que l’API ne sert que cet ordinateur</translation>
    </message>
    <message>
        <source>Always allowed</source>
        <translation>Toujours autorisées</translation>
    </message>
    <message>
        <source>Always blocked</source>
        <translation>Toujours bloquées</translation>
    </message>
    <message>
        <source>“%1” cannot be an allowed target: %2</source>
        <translation>« %1 » ne peut pas être une cible autorisée&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SubmissionWidget</name>
    <message>
        <source>Enter the address of a page to capture.</source>
        <translation>Saisissez l&apos;adresse d&apos;une page à capturer.</translation>
    </message>
    <message>
        <source>The address is too long (at most %1 characters).</source>
        <translation>L&apos;adresse est trop longue (%1 caractères au maximum).</translation>
    </message>
    <message>
        <source>The address must not contain spaces.</source>
        <translation>L&apos;adresse ne doit pas contenir d&apos;espaces.</translation>
    </message>
    <message>
        <source>Enter a full address such as https://example.com.</source>
        <translation>Saisissez une adresse complète, par exemple https://example.com.</translation>
    </message>
    <message>
        <source>“%1:” addresses cannot be captured; use http or https.</source>
        <translation>Les adresses «&#xa0;%1:&#xa0;» ne peuvent pas être capturées&#xa0;; utilisez http ou https.</translation>
    </message>
    <message>
        <source>This is not a valid address (%1).</source>
        <translation>Ce n&apos;est pas une adresse valide (%1).</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>L&apos;adresse ne contient pas de nom d&apos;hôte.</translation>
    </message>
    <message>
        <source>The address must not contain a user name or password.</source>
        <translation>L&apos;adresse ne doit contenir ni nom d&apos;utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Webhook: %1</source>
        <translation>Webhook&#xa0;: %1</translation>
    </message>
    <message>
        <source>Page &amp;URL:</source>
        <translation>&amp;URL de la page&#xa0;:</translation>
    </message>
    <message>
        <source>https://example.com — paste several lines to capture them all</source>
        <translation>https://example.com — collez plusieurs lignes pour toutes les capturer</translation>
    </message>
    <message>
        <source>The page to capture. Enter submits. Pasting or dropping several URLs, one per line, submits them all.</source>
        <translation>La page à capturer. Entrée la soumet. Coller ou déposer plusieurs URL, une par ligne, les soumet toutes.</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Capturer</translation>
    </message>
    <message>
        <source>&amp;Webhook:</source>
        <translation>&amp;Webhook&#xa0;:</translation>
    </message>
    <message>
        <source>optional: https://… receives the result by POST</source>
        <translation>facultatif&#xa0;: https://… reçoit le résultat par POST</translation>
    </message>
    <message>
        <source>&amp;Viewport:</source>
        <translation>Taille de la fe&amp;nêtre&#xa0;:</translation>
    </message>
    <message>
        <source> px</source>
        <translation>&#xa0;px</translation>
    </message>
    <message>
        <source>Width of the browser window, in CSS pixels</source>
        <translation>Largeur de la fenêtre du navigateur, en pixels CSS</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Height of the browser window, in CSS pixels</source>
        <translation>Hauteur de la fenêtre du navigateur, en pixels CSS</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Échelle&#xa0;:</translation>
    </message>
    <message>
        <source>Device pixels per CSS pixel: 2× makes a sharp retina shot twice as large</source>
        <translation>Pixels physiques par pixel CSS&#xa0;: 2× donne une capture Retina nette, deux fois plus grande</translation>
    </message>
    <message>
        <source>&amp;Full page</source>
        <translation>Page &amp;entière</translation>
    </message>
    <message>
        <source>Capture the whole scrollable page, not only the viewport</source>
        <translation>Capturer toute la page défilante, pas seulement la partie visible</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#xa0;:</translation>
    </message>
    <message>
        <source>PNG is lossless; JPEG and WebP are smaller; PDF keeps the text selectable</source>
        <translation>PNG est sans perte&#xa0;; JPEG et WebP sont plus légers&#xa0;; le PDF garde le texte sélectionnable</translation>
    </message>
    <message>
        <source>&amp;Dark mode</source>
        <translation>Mode &amp;sombre</translation>
    </message>
    <message>
        <source>The page sees prefers-color-scheme: dark (captured by a separate browser process)</source>
        <translation>La page voit prefers-color-scheme&#xa0;: dark (capturée par un processus de navigateur distinct)</translation>
    </message>
    <message>
        <source>&amp;More…</source>
        <translation>&amp;Plus…</translation>
    </message>
    <message>
        <source>Element, waits, CSS and JavaScript, headers, cookies, blocking</source>
        <translation>Élément, attentes, CSS et JavaScript, en-têtes, cookies, blocage</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n de plus)</numerusform>
            <numerusform>(%n de plus)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>%1 ne peut pas être atteint&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>urlshot cannot start</source>
        <translation>Impossible de démarrer urlshot</translation>
    </message>
</context>
</TS>
