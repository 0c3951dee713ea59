<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdvancedOptionsDialog</name>
    <message>
        <source>More Capture Options</source>
        <translation>Weitere Aufnahmeoptionen</translation>
    </message>
    <message>
        <source>Capture only the &amp;element:</source>
        <translation>Nur &amp;dieses Element:</translation>
    </message>
    <message>
        <source>CSS selector, e.g. #main</source>
        <translation>CSS-Selektor, z. B. #main</translation>
    </message>
    <message>
        <source>&amp;Wait for element:</source>
        <translation>Auf Element &amp;warten:</translation>
    </message>
    <message>
        <source>CSS selector that must appear first</source>
        <translation>CSS-Selektor, der zuerst erscheinen muss</translation>
    </message>
    <message>
        <source>Extra &amp;delay:</source>
        <translation>Zusätzliche &amp;Verzögerung:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Give up after:</source>
        <translation>Auf&amp;geben nach:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>the service default</source>
        <translation>Vorgabe des Dienstes</translation>
    </message>
    <message>
        <source>&amp;Hide elements:</source>
        <translation>Elemente ausb&amp;lenden:</translation>
    </message>
    <message>
        <source>one CSS selector a line</source>
        <translation>ein CSS-Selektor pro Zeile</translation>
    </message>
    <message>
        <source>Add &amp;CSS:</source>
        <translation>&amp;CSS hinzufügen:</translation>
    </message>
    <message>
        <source>Run &amp;JavaScript:</source>
        <translation>&amp;JavaScript ausführen:</translation>
    </message>
    <message>
        <source>&amp;User agent:</source>
        <translation>&amp;User-Agent:</translation>
    </message>
    <message>
        <source>Chromium&apos;s own when empty</source>
        <translation>leer: der von Chromium</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>Name: value, one a line (sent to the page&apos;s own site only)</source>
        <translation>Name: Wert, einer pro Zeile (nur an die Website der Seite gesendet)</translation>
    </message>
    <message>
        <source>C&amp;ookies:</source>
        <translation>Coo&amp;kies:</translation>
    </message>
    <message>
        <source>name=value, one a line</source>
        <translation>name=wert, einer pro Zeile</translation>
    </message>
    <message>
        <source>Basic auth &amp;name:</source>
        <translation>Basic-Auth-&amp;Name:</translation>
    </message>
    <message>
        <source>Basic auth &amp;password:</source>
        <translation>Basic-Auth-&amp;Passwort:</translation>
    </message>
    <message>
        <source>Block &amp;ads and trackers</source>
        <translation>Werbung und &amp;Tracker blockieren</translation>
    </message>
    <message>
        <source>Hide cookie &amp;banners</source>
        <translation>Cookie-&amp;Banner ausblenden</translation>
    </message>
    <message>
        <source>&amp;Scroll through the page first</source>
        <translation>Seite zuerst durch&amp;scrollen</translation>
    </message>
    <message>
        <source>Lazy-loaded images and sections appear in the shot (most useful with Full page)</source>
        <translation>Nachgeladene Bilder und Abschnitte erscheinen im Bild (am nützlichsten mit „Ganze Seite“)</translation>
    </message>
</context>
<context>
    <name>ImageViewerDialog</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>%1 × %2 px, %3 %</source>
        <translation>%1 × %2 px, %3 %</translation>
    </message>
</context>
<context>
    <name>JobDetailsView</name>
    <message>
        <source>not due yet</source>
        <translation>noch nicht fällig</translation>
    </message>
    <message>
        <source>waiting to be delivered</source>
        <translation>wartet auf Zustellung</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>given up</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>Select a job to see its details.</source>
        <translation>Wählen Sie einen Auftrag aus, um dessen Details anzuzeigen.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Auftrags-ID</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Capture took</source>
        <translation>Aufnahmedauer</translation>
    </message>
    <message>
        <source>Viewport</source>
        <translation>Fenstergröße</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>Capture attempts</source>
        <translation>Aufnahmeversuche</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Public link</source>
        <translation>Öffentlicher Link</translation>
    </message>
    <message>
        <source>Status link</source>
        <translation>Status-Link</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Webhook attempts</source>
        <translation>Webhook-Zustellversuche</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>scale %1×</source>
        <translation>Skalierung %1×</translation>
    </message>
    <message>
        <source>full page</source>
        <translation>ganze Seite</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>Verzögerung %1 ms</translation>
    </message>
    <message>
        <source>wait for %1</source>
        <translation>warten auf %1</translation>
    </message>
    <message>
        <source>timeout %1 s</source>
        <translation>Zeitlimit %1 s</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>The page was taller than %1 px and was cut there.</source>
        <translation>Die Seite war höher als %1 px und wurde dort abgeschnitten.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2 × %3 px, %4</source>
        <translation>%1, %2 × %3 px, %4</translation>
    </message>
    <message>
        <source>Page title</source>
        <translation>Seitentitel</translation>
    </message>
    <message>
        <source>Final URL</source>
        <translation>Endgültige URL</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>Loaded in</source>
        <translation>Geladen in</translation>
    </message>
    <message>
        <source>Console errors</source>
        <translation>Konsolenfehler</translation>
    </message>
    <message>
        <source>dark mode</source>
        <translation>dunkler Modus</translation>
    </message>
    <message>
        <source>scrolled to load</source>
        <translation>zum Nachladen gescrollt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <source>Ad requests blocked</source>
        <translation>Blockierte Werbeanfragen</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation>Wird aufgenommen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 × %2, %3</source>
        <translation>%1 × %2, %3</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
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
        <translation>urlshot — Screenshots von Webseiten</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>Alle Aufträge</translation>
    </message>
    <message>
        <source>API listening on %1</source>
        <translation>API erreichbar unter %1</translation>
    </message>
    <message>
        <source>API not running: %1</source>
        <translation>API läuft nicht: %1</translation>
    </message>
    <message>
        <source>API off (turn it on in Settings)</source>
        <translation>API aus (in den Einstellungen einschalten)</translation>
    </message>
    <message>
        <source>%1 queued · %2 capturing · %3 completed · %4 failed</source>
        <translation>%1 wartend · %2 in Aufnahme · %3 abgeschlossen · %4 fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Capturing %n page(s)…</source>
        <translation>
            <numerusform>%n Seite wird aufgenommen…</numerusform>
            <numerusform>%n Seiten werden aufgenommen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not Submitted</source>
        <translation>Nicht übermittelt</translation>
    </message>
    <message>
        <source>urlshot could not store the job for %1. See the log for the reason.</source>
        <translation>urlshot konnte den Auftrag für %1 nicht speichern. Den Grund finden Sie im Protokoll.</translation>
    </message>
    <message numerus="yes">
        <source>Submitted %n page(s)</source>
        <translation>
            <numerusform>%n Seite übermittelt</numerusform>
            <numerusform>%n Seiten übermittelt</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>The image file cannot be read.</source>
        <translation>Die Bilddatei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Save Image As</source>
        <translation>Bild speichern unter</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Image copied</source>
        <translation>Bild kopiert</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n job(s)</source>
        <translation>
            <numerusform>%n Auftrag wird erneut versucht</numerusform>
            <numerusform>%n Aufträge werden erneut versucht</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the job for %1 and its image?</source>
        <translation>Den Auftrag für %1 und sein Bild löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n jobs and their images?</source>
        <translation>
            <numerusform>%n Auftrag und sein Bild löschen?</numerusform>
            <numerusform>%n Aufträge und ihre Bilder löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Jobs</source>
        <translation>Aufträge löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n job(s)</source>
        <translation>
            <numerusform>%n Auftrag gelöscht</numerusform>
            <numerusform>%n Aufträge gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>urlshot will use the new data folder from its next start.</source>
        <translation>urlshot verwendet den neuen Datenordner ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>About urlshot</source>
        <translation>Über urlshot</translation>
    </message>
    <message>
        <source>&lt;h3&gt;urlshot %1&lt;/h3&gt;&lt;p&gt;Captures web pages as images, here and through its REST API.&lt;/p&gt;&lt;p&gt;Qt %2, Qt WebEngine (Chromium).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;urlshot %1&lt;/h3&gt;&lt;p&gt;Nimmt Webseiten als Bilder auf – hier und über seine REST-API.&lt;/p&gt;&lt;p&gt;Qt %2, Qt WebEngine (Chromium).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Captures Running</source>
        <translation>Aufnahmen laufen noch</translation>
    </message>
    <message numerus="yes">
        <source>%n capture(s) are still running.</source>
        <translation>
            <numerusform>%n Aufnahme läuft noch.</numerusform>
            <numerusform>%n Aufnahmen laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs that are not finished stay in the queue and run the next time urlshot starts.</source>
        <translation>Nicht abgeschlossene Aufträge bleiben in der Warteschlange und werden beim nächsten Start von urlshot ausgeführt.</translation>
    </message>
    <message>
        <source>&amp;Finish Them, Then Quit</source>
        <translation>&amp;Abschließen, dann beenden</translation>
    </message>
    <message>
        <source>&amp;Quit Now</source>
        <translation>&amp;Sofort beenden</translation>
    </message>
    <message>
        <source>Finishing captures…</source>
        <translation>Aufnahmen werden abgeschlossen…</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>Search URLs</source>
        <translation>URLs durchsuchen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>&amp;Auftrag</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Open Image</source>
        <translation>Bild &amp;öffnen</translation>
    </message>
    <message>
        <source>Open the screenshot in the full-size viewer</source>
        <translation>Den Screenshot in Originalgröße im Bildbetrachter öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Image As…</source>
        <translation>Bild &amp;speichern unter…</translation>
    </message>
    <message>
        <source>Save the screenshot to a file</source>
        <translation>Den Screenshot in einer Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the screenshot to the clipboard</source>
        <translation>Den Screenshot in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copy Public &amp;Link</source>
        <translation>Ö&amp;ffentlichen Link kopieren</translation>
    </message>
    <message>
        <source>Copy the link anyone can fetch the image from</source>
        <translation>Den Link kopieren, unter dem jeder das Bild abrufen kann</translation>
    </message>
    <message>
        <source>Open Page in &amp;Browser</source>
        <translation>Seite im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>Open the captured page in the system&apos;s web browser</source>
        <translation>Die aufgenommene Seite im Standard-Webbrowser des Systems öffnen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Capture a failed job again</source>
        <translation>Einen fehlgeschlagenen Auftrag erneut aufnehmen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected jobs and their images</source>
        <translation>Die ausgewählten Aufträge und ihre Bilder löschen</translation>
    </message>
    <message>
        <source>&amp;New Capture</source>
        <translation>&amp;Neue Aufnahme</translation>
    </message>
    <message>
        <source>Go to the address field</source>
        <translation>Zum Adressfeld wechseln</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Address, port, captures at once, data folder, webhook retries</source>
        <translation>Adresse, Port, gleichzeitige Aufnahmen, Datenordner, Webhook-Wiederholungen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit urlshot</source>
        <translation>urlshot beenden</translation>
    </message>
    <message>
        <source>&amp;About urlshot</source>
        <translation>&amp;Über urlshot</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Regenerate API Token</source>
        <translation>API-Token neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate Webhook Secret</source>
        <translation>Webhook-Geheimnis neu erzeugen</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>The image file cannot be read.</source>
        <translation>Die Bilddatei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Select a job to see its screenshot.</source>
        <translation>Wählen Sie einen Auftrag aus, um dessen Screenshot anzuzeigen.</translation>
    </message>
    <message>
        <source>Waiting for a free capture slot…</source>
        <translation>Warten auf einen freien Aufnahmeplatz…</translation>
    </message>
    <message>
        <source>Capturing %1…</source>
        <translation>%1 wird aufgenommen…</translation>
    </message>
    <message>
        <source>The capture failed:
%1</source>
        <translation>Die Aufnahme ist fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>PDF document, %1.
Open Image shows it in your PDF viewer.</source>
        <translation>PDF-Dokument, %1.
„Bild öffnen“ zeigt es in Ihrem PDF-Betrachter.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>“%1” is not an IP address. Use 127.0.0.1 to serve this computer only, or 0.0.0.0 for every network.</source>
        <translation>„%1“ ist keine IP-Adresse. Verwenden Sie 127.0.0.1, um nur diesen Computer zu bedienen, oder 0.0.0.0 für alle Netzwerke.</translation>
    </message>
    <message>
        <source>Choose a folder for the jobs and images.</source>
        <translation>Wählen Sie einen Ordner für die Aufträge und Bilder.</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST-API</translation>
    </message>
    <message>
        <source>&amp;Serve the REST API while urlshot runs</source>
        <translation>REST-API &amp;bereitstellen, während urlshot läuft</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Adr&amp;esse:</translation>
    </message>
    <message>
        <source>127.0.0.1 serves this computer only; 0.0.0.0 every network</source>
        <translation>127.0.0.1 bedient nur diesen Computer, 0.0.0.0 alle Netzwerke</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Captures at &amp;once:</source>
        <translation>&amp;Gleichzeitige Aufnahmen:</translation>
    </message>
    <message>
        <source>Give up on a page &amp;after:</source>
        <translation>&amp;Zeitlimit pro Seite:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datenordner:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>A new data folder is used from the next start.</source>
        <translation>Ein neuer Datenordner wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>Webhook delivery</source>
        <translation>Webhook-Zustellung</translation>
    </message>
    <message>
        <source>A&amp;ttempts:</source>
        <translation>&amp;Versuche:</translation>
    </message>
    <message>
        <source>First &amp;retry after:</source>
        <translation>Erste &amp;Wiederholung nach:</translation>
    </message>
    <message>
        <source>Each further retry waits twice as long as the one before</source>
        <translation>Jede weitere Wiederholung wartet doppelt so lange wie die vorherige</translation>
    </message>
    <message>
        <source>Receiver must answer &amp;within:</source>
        <translation>&amp;Maximale Antwortzeit des Empfängers:</translation>
    </message>
    <message>
        <source>Clients send it as “Authorization: Bearer &lt;token&gt;”; urlshot token prints it</source>
        <translation>Clients senden ihn als „Authorization: Bearer &lt;token&gt;“; urlshot token gibt ihn aus</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Make a new token at once; clients with the old one are refused</source>
        <translation>Sofort einen neuen Token erzeugen; Clients mit dem alten werden abgewiesen</translation>
    </message>
    <message>
        <source>Require the token for e&amp;very request, not only admin ones</source>
        <translation>Token für &amp;jede Anfrage verlangen, nicht nur für Admin-Anfragen</translation>
    </message>
    <message>
        <source>Always on when the address is not 127.0.0.1 or ::1. Image links never need it.</source>
        <translation>Immer aktiv, wenn die Adresse nicht 127.0.0.1 oder ::1 ist. Bildlinks brauchen ihn nie.</translation>
    </message>
    <message>
        <source>Regenerate API Token</source>
        <translation>API-Token neu erzeugen</translation>
    </message>
    <message>
        <source>Clients that use the current token will be refused until they get the new one. Make a new token?</source>
        <translation>Clients mit dem aktuellen Token werden abgewiesen, bis sie den neuen haben. Neuen Token erzeugen?</translation>
    </message>
    <message>
        <source>API to&amp;ken:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Re&amp;generate…</source>
        <translation>&amp;Neu erzeugen…</translation>
    </message>
    <message>
        <source>Signing s&amp;ecret:</source>
        <translation>Signatur-Ge&amp;heimnis:</translation>
    </message>
    <message>
        <source>Receivers check webhook-signature with it (Standard Webhooks); urlshot webhook-secret prints it</source>
        <translation>Empfänger prüfen damit webhook-signature (Standard Webhooks); urlshot webhook-secret gibt es aus</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>Rege&amp;nerate…</source>
        <translation>Neu e&amp;rzeugen…</translation>
    </message>
    <message>
        <source>Sign from now on with a new secret; receivers need the new one</source>
        <translation>Ab jetzt mit einem neuen Geheimnis signieren; Empfänger brauchen das neue</translation>
    </message>
    <message>
        <source>Regenerate Webhook Secret</source>
        <translation>Webhook-Geheimnis neu erzeugen</translation>
    </message>
    <message>
        <source>Webhook receivers will reject deliveries until they have the new secret. Make a new secret?</source>
        <translation>Webhook-Empfänger weisen Zustellungen ab, bis sie das neue Geheimnis haben. Neues Geheimnis erzeugen?</translation>
    </message>
    <message>
        <source>Pr&amp;ivate addresses:</source>
        <translation>Priv&amp;ate Adressen:</translation>
    </message>
    <message>
        <source>Whether pages and webhooks may reach loopback, LAN and other private addresses. Cloud metadata addresses are always blocked.</source>
        <translation>Ob Seiten und Webhooks Loopback-, LAN- und andere private Adressen erreichen dürfen. Cloud-Metadaten-Adressen sind immer gesperrt.</translation>
    </message>
    <message>
        <source>A&amp;llowed targets:</source>
        <translation>Er&amp;laubte Ziele:</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:8080 http://192.168.1.20</source>
        <translation>z. B. http://127.0.0.1:8080 http://192.168.1.20</translation>
    </message>
    <message>
        <source>Origins that pages and webhooks may always reach, separated by spaces</source>
        <translation>Origins, die Seiten und Webhooks immer erreichen dürfen, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>Allowed while the API serves this computer only</source>
        <translation>Erlaubt, solange die API nur diesem Computer dient</translation>
    </message>
    <message>
        <source>Always allowed</source>
        <translation>Immer erlaubt</translation>
    </message>
    <message>
        <source>Always blocked</source>
        <translation>Immer gesperrt</translation>
    </message>
    <message>
        <source>“%1” cannot be an allowed target: %2</source>
        <translation>„%1“ kann kein erlaubtes Ziel sein: %2</translation>
    </message>
</context>
<context>
    <name>SubmissionWidget</name>
    <message>
        <source>Enter the address of a page to capture.</source>
        <translation>Geben Sie die Adresse einer aufzunehmenden Seite ein.</translation>
    </message>
    <message>
        <source>The address is too long (at most %1 characters).</source>
        <translation>Die Adresse ist zu lang (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <source>The address must not contain spaces.</source>
        <translation>Die Adresse darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Enter a full address such as https://example.com.</source>
        <translation>Geben Sie eine vollständige Adresse ein, z.&#xa0;B. https://example.com.</translation>
    </message>
    <message>
        <source>“%1:” addresses cannot be captured; use http or https.</source>
        <translation>„%1:“-Adressen können nicht aufgenommen werden; verwenden Sie http oder https.</translation>
    </message>
    <message>
        <source>This is not a valid address (%1).</source>
        <translation>Dies ist keine gültige Adresse (%1).</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>Die Adresse enthält keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The address must not contain a user name or password.</source>
        <translation>Die Adresse darf weder Benutzernamen noch Passwort enthalten.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Webhook: %1</source>
        <translation>Webhook: %1</translation>
    </message>
    <message>
        <source>Page &amp;URL:</source>
        <translation>Seiten-&amp;URL:</translation>
    </message>
    <message>
        <source>https://example.com — paste several lines to capture them all</source>
        <translation>https://example.com — mehrere Zeilen einfügen, um alle aufzunehmen</translation>
    </message>
    <message>
        <source>The page to capture. Enter submits. Pasting or dropping several URLs, one per line, submits them all.</source>
        <translation>Die aufzunehmende Seite. Die Eingabetaste übermittelt sie. Beim Einfügen oder Ablegen mehrerer URLs (eine pro Zeile) werden alle übermittelt.</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>Auf&amp;nehmen</translation>
    </message>
    <message>
        <source>&amp;Webhook:</source>
        <translation>&amp;Webhook:</translation>
    </message>
    <message>
        <source>optional: https://… receives the result by POST</source>
        <translation>optional: https://… erhält das Ergebnis per POST</translation>
    </message>
    <message>
        <source>&amp;Viewport:</source>
        <translation>&amp;Fenstergröße:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width of the browser window, in CSS pixels</source>
        <translation>Breite des Browserfensters in CSS-Pixeln</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Height of the browser window, in CSS pixels</source>
        <translation>Höhe des Browserfensters in CSS-Pixeln</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>S&amp;kalierung:</translation>
    </message>
    <message>
        <source>Device pixels per CSS pixel: 2× makes a sharp retina shot twice as large</source>
        <translation>Gerätepixel pro CSS-Pixel: 2× ergibt eine scharfe Retina-Aufnahme in doppelter Größe</translation>
    </message>
    <message>
        <source>&amp;Full page</source>
        <translation>&amp;Ganze Seite</translation>
    </message>
    <message>
        <source>Capture the whole scrollable page, not only the viewport</source>
        <translation>Die ganze scrollbare Seite aufnehmen, nicht nur den sichtbaren Bereich</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>PNG is lossless; JPEG and WebP are smaller; PDF keeps the text selectable</source>
        <translation>PNG ist verlustfrei; JPEG und WebP sind kleiner; PDF behält auswählbaren Text</translation>
    </message>
    <message>
        <source>&amp;Dark mode</source>
        <translation>Dunkel&amp;modus</translation>
    </message>
    <message>
        <source>The page sees prefers-color-scheme: dark (captured by a separate browser process)</source>
        <translation>Die Seite sieht prefers-color-scheme: dark (aufgenommen von einem eigenen Browserprozess)</translation>
    </message>
    <message>
        <source>&amp;More…</source>
        <translation>&amp;Mehr…</translation>
    </message>
    <message>
        <source>Element, waits, CSS and JavaScript, headers, cookies, blocking</source>
        <translation>Element, Wartezeiten, CSS und JavaScript, Header, Cookies, Blockieren</translation>
    </message>
    <message numerus="yes">
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n weitere)</numerusform>
            <numerusform>(%n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>urlshot cannot start</source>
        <translation>urlshot kann nicht gestartet werden</translation>
    </message>
</context>
</TS>
