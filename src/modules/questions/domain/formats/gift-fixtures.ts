/**
 * GIFT texts for the parser's and exporter's tests. They are string constants, not files:
 * domain code and its tests read no disk. `String.raw` keeps every backslash as GIFT sees it.
 */

/** Every construct the parser reads, the accepted ones first, then one paragraph per refusal. */
export const GIFT_EVERY_CONSTRUCT = String.raw`// Every GIFT construct the parser knows.
// Comment lines start with two slashes; they never separate questions.

$CATEGORY: $course$/top/Arithmetic

::Plain MC::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

::Missing word::Grant is {~buried =entombed ~living} in Grant's tomb.

// A comment right before a question belongs to nothing.
::Thanksgiving::[markdown]The *American holiday of Thanksgiving* is
celebrated on the {
    ~second#Too early.
// a comment inside the answer block
    ~third
    =fourth#Right: the fourth Thursday.
    ####It has been the fourth Thursday since 1941.
} Thursday of November.

::Format html::[html]<p>Which is <b>bold</b>?</p>{=[html]<b>this</b> ~that}

::Format plain::[plain]Pick one{=a ~b}

::Format moodle::[moodle]Pick one{=a ~b}

No name, no format: 2 + 2 \= ?{=4 ~5 ~22}

::Escapes\: all of them::Which is special\: \~ \= \# \{ \} \\ ?\nSecond line.{
=\{braces\}#right \# indeed\nreally
~back\\slash
~colon\:here
~tilde\~equals\=
}

::Percent texts::What does %d print in printf?{=a decimal integer ~%s and %d}

::Lead answer::Is text before the first marker an answer?{ maybe ~no =yes}

$CATEGORY: $course$/top/Logic

::TF T::The sun is a star.{T}

::TF TRUE::Two plus two is four.{TRUE}

::TF F::The Moon is a planet.{F#No: it is a satellite.#Right: a satellite.####The Moon orbits the Earth.}

::TF FALSE::[markdown]Pi equals **3**.{FALSE####Pi is irrational.}

::TF missing word::Water boils at {T} 100 °C at sea level.

::Multiple response::Which are prime?{
  ~%50%2
  ~%50%3#Prime indeed.
  ~%-100%4#Even.
  ~%-100%9
  ####2 and 3.
}

::Thirds::Select the vowels{~%33.33333%a ~%33.33333%e ~%33.33333%o ~%-100%x}

::Single with weights::Capital of France?{=Paris ~%-50%London ~%0%Berlin}

::Penalty only::Capital of Italy?{=Rome ~%-50%Milan ~%-100%Turin}

$CATEGORY:

::Uncategorized::After an empty category line.{=yes ~no}

::Short answer::Who's buried in Grant's tomb?{=no one =nobody}

::Short answer one::Two plus two equals {=four}.

::Short answer bare::Two plus two equals {four}.

::Lower-case true::The sky is blue.{true}

::Numerical::When was Ulysses S. Grant born?{#1822:5}

::Matching::Match the capitals.{=Canada -> Ottawa =Italy -> Rome}

::Essay::Write about rivers.{}

::Essay feedback::Write about lakes.{####Mention depth.}

::Description::This section is about rivers.

::Cloze::Pick {1:MULTICHOICE:=yes~no} now.

::Two blocks::A {=a ~b} and B {=c ~d}.

::Unclosed::Which one? {=a ~b

::Stray brace::Which one? =a ~b}

::Nested::Which one? {=a {~b}

::Too few::Only one.{~%100%only}

::Too many::Eleven.{=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9 ~10 ~11}

::No correct::None is right.{~a ~b ~c}

::Empty option::Second is empty.{=a ~ #why ~c}

::Nameless text::{=a ~b}

::Malformed weight::Weight?{~%50,5%a ~%49.5%b}

::Out of range::Weight?{~%150%a ~%-50%b}

::Partial credit::Weight?{=a ~%50%b ~c}

::Sum::Weights?{~%50%a ~%60%b ~c}

::Several right::Two equals?{=a =b ~c}

::Several right by weight::Capital of France?{=Paris ~%100%Paris, France ~Lyon}

::After the refusals::One bad question stops none.{=fine ~bad}
`;

/** A small file as Windows editors save it: a byte order mark and CRLF line ends. */
export const GIFT_CRLF_WITH_BOM =
  '\uFEFF// Saved on Windows\r\n$CATEGORY: Windows\r\n\r\n::One::First?{=yes ~no}\r\n\r\n::Two::Second\r\non two lines?{\r\n~a\r\n=b\r\n}\r\n\r\n::Three::No block\r\n';

/**
 * What Moodle's "Export questions → GIFT" writes for a mixed Russian and English bank: a
 * `// question:` comment before each item, `$CATEGORY: $course$/top/…` switches, `[html]`
 * texts with Moodle's escapes, tabs, partial weights, and types the bank cannot hold.
 */
export const GIFT_MOODLE_EXPORT = String.raw`// question: 0  name: Switch category to $course$/top/Default for Основы Python/Типы данных
$CATEGORY: $course$/top/Default for Основы Python/Типы данных


// question: 1201  name: Деление в Python 3
::Деление в Python 3::[html]<p>Какой тип у результата выражения <code>7 / 2</code> в Python 3?</p>{
	~<code>int</code>#Нет\: целочисленное деление — это <code>//</code>.
	=<code>float</code>#Верно\: оператор <code>/</code> всегда даёт float.
	~<code>str</code>
	~<code>complex</code>
	####<p>Подробнее\: <a href\="https\://docs.python.org/3/library/stdtypes.html">документация</a>.</p>
}

// question: 1202  name: Неизменяемые типы
::Неизменяемые типы::[html]<p>Какие из этих типов неизменяемые?</p>{
	~%33.33333%<code>tuple</code>
	~%33.33333%<code>str</code>
	~%33.33333%<code>frozenset</code>
	~%-100%<code>list</code>#Список можно менять.
	~%-100%<code>dict</code>
}

// question: 1203  name: Булевы значения
::Булевы значения::[html]<p><code>bool</code> — подкласс <code>int</code>.</p>{TRUE#Проверьте <code>issubclass(bool, int)</code>.#Да, <code>True \=\= 1</code>.}

// question: 1204  name: Ключевое слово
::Ключевое слово::[html]<p>Каким словом объявляют функцию?</p>{
	=%100%def#
	=%50%lambda#Это анонимная функция.
}

// question: 0  name: Switch category to $course$/top/Default for Python Basics/Control flow
$CATEGORY: $course$/top/Default for Python Basics/Control flow


// question: 1301  name: Loop keyword
::Loop keyword::[html]<p>Which statement leaves a loop early?</p>{
	=<code>break</code>
	~<code>continue</code>#That skips to the next iteration.
	~<code>pass</code>
	~<code>return</code>#Only inside a function.
}

// question: 1302  name: Essay on recursion
::Essay on recursion::[html]<p>Explain recursion in your own words.</p>{}

// question: 1303  name: Falsy values
::Falsy values::[html]<p>Which values are falsy?</p>{
	~%50%<code>0</code>
	~%50%<code>""</code>
	~%-50%<code>"0"</code>#A non-empty string is truthy.
	~%-50%<code>[0]</code>
	####<p>Empty containers, zero and <code>None</code> are falsy.</p>
}

// question: 1304  name: Range length
::Range length::[html]<p>How many numbers does <code>range(2, 10, 3)</code> yield?</p>{#
	=%100%3:0#
}

// question: 1305  name: Nearest answer
::Nearest answer::[html]<p>Which is the best loop for a known number of steps?</p>{
	=<code>for</code>
	~%50%<code>while</code>#Works, but needs a counter.
	~<code>if</code>
}
`;
