<?php
// Writes test/fixtures/api/php-json-encode-vectors.json: json_encode(json_decode($in)) and json_encode(json_decode($in, true))
// for each input of a JSON list on stdin, as PHP itself computes them (php 8.2 cli, default flags). Run by hand:
//   php scripts/php-json-vectors.php < inputs.json > test/fixtures/api/php-json-encode-vectors.json
// The unit tests read the fixture; PHP is not needed to run them.
$inputs = json_decode(file_get_contents('php://stdin'), true);
$out = [];
foreach ($inputs as $in) {
  $o = json_decode($in);
  $a = json_decode($in, true);
  $out[] = ['input' => $in,
    'object' => ($o === null && json_last_error() !== 0) ? null : json_encode($o),
    'assoc' => ($a === null && json_last_error() !== 0) ? null : json_encode($a)];
}
echo json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
