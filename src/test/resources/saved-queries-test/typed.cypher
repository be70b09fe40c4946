// name: typed
// description: Echoes one parameter of every type.
// param: s string = hello
// param: i int = 3
// param: f float = 0.5
// param: b boolean = true
// param: d date = 2020-06-11
// param: t datetime = 2020-06-11T09:53:00Z
// param: span duration = P1DT2H
// param: words list<string> = [a, b]
RETURN $s AS s, $i AS i, $f AS f, $b AS b, $d AS d, $t AS t, $span AS span, $words AS words,
       $t + $span AS later
