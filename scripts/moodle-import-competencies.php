<?php
// Imports a competency framework CSV (the tool's /frameworks/{code}/moodle-competencies.csv) into a Moodle through
// Moodle's own importer (tool_lpimportcsv), as Site administration → Competencies → Import competency framework
// does, and prints what Moodle stored.
//
//   php scripts/moodle-import-competencies.php /path/to/moodle moodle-competencies.csv
//   (with the end-to-end kit: moodle.sh php DIR scripts/moodle-import-competencies.php FILE)
define('CLI_SCRIPT', true);
if ($argc < 3 || !is_file($argv[1] . '/config.php') || !is_readable($argv[2])) {
    fwrite(STDERR, "usage: php moodle-import-competencies.php MOODLE_ROOT CSV_FILE\n");
    exit(2);
}
require($argv[1] . '/config.php');
$CFG->debug = 0;
$CFG->debugdisplay = 0;
\core\session\manager::set_user(get_admin());
$importer = new \tool_lpimportcsv\framework_importer(file_get_contents($argv[2]), 'UTF-8', 'comma');
if ($importer->get_error()) {
    fwrite(STDERR, 'import error: ' . $importer->get_error() . "\n");
    exit(1);
}
$framework = $importer->import();
$competencies = \core_competency\api::list_competencies(['competencyframeworkid' => $framework->get('id')]);
$byid = [];
foreach ($competencies as $competency) {
    $byid[$competency->get('id')] = $competency;
}
$parents = [];
foreach ($competencies as $competency) {
    $parent = (int) $competency->get('parentid');
    $parents[$competency->get('idnumber')] = $parent ? $byid[$parent]->get('idnumber') : '';
}
echo json_encode([
    'framework' => $framework->get('idnumber'),
    'shortname' => $framework->get('shortname'),
    'taxonomies' => array_values($framework->get('taxonomies')),
    'scaleconfiguration' => $framework->get('scaleconfiguration'),
    'competencies' => count($competencies),
    'roots' => array_keys(array_filter($parents, fn($p) => $p === '')),
    'parents' => $parents,
], JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT) . "\n";
