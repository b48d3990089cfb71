/**
 * Russian wording of content problems, for editors whose LANG starts with "ru". The loader writes
 * its messages in English; each rule here matches one English message and rewrites it, keeping
 * the file names, values and examples it quotes. problems.test.ts checks that every message the
 * broken fixtures produce has a rule.
 */
const RULES: Array<[RegExp, string]> = [
  [/^is missing: create it with entries like (.*)$/, 'отсутствует: создайте его с записями вида $1'],
  [/^YAML syntax: (.*?)(?: \(check quotes, colons and indentation; quote text that contains ": "\))?$/, 'синтаксис YAML: $1 (проверьте кавычки, двоеточия и отступы; текст с ": " возьмите в кавычки)'],
  [/^(.*) \(each entry needs a name in ru and en, like (.*)\)$/, '$1 (у каждой записи должно быть имя на ru и en, например $2)'],
  [/^has no text: write the story below the closing "---"$/, 'нет текста: напишите материал под закрывающей строкой "---"'],
  [/^contradicts (\S+) \((.*) here, (.*) there\): write it once in one version, or make both the same$/, 'противоречит файлу $1 (здесь $2, там $3): укажите значение один раз в одной версии или сделайте их одинаковыми'],
  [/^folder name is not a valid slug: rename it to lowercase ASCII letters, digits and single hyphens, like (.*)$/, 'имя папки не подходит для адреса: переименуйте её латинскими строчными буквами, цифрами и одиночными дефисами, например $1'],
  [/^is not a known version: name it (.*) or (.*)$/, 'не является версией материала: назовите файл $1 или $2'],
  [/^has no story file: add (.*) or (.*)$/, 'нет файла материала: добавьте $1 или $2'],
  [/^is required in one version: add a line like (.*)$/, 'обязательно в одной из версий: добавьте строку вида $1'],
  [/^"(.*)" is not in sections\.yaml: use one of (.*) or add it there$/, '"$1" нет в sections.yaml: используйте один из разделов $2 или добавьте его туда'],
  [/^"(.*)" is not in tags\.yaml: use a listed tag or add it there with its ru and en names$/, '"$1" нет в tags.yaml: используйте тег из списка или добавьте его туда с именами на ru и en'],
  [/^is required in one version: name the photo file in the story folder, like (.*)$/, 'обязательно в одной из версий: укажите файл фото в папке материала, например $1'],
  [/^"(.*)" is not a readable image in (.*): add the file or correct the name$/, '"$1" — не читаемое изображение в $2: добавьте файл или исправьте имя'],
  [/^the story has a photo: describe it in this language with image\.alt \(and caption\)$/, 'у материала есть фото: опишите его на языке этой версии в image.alt (и подпись в caption)'],
  [/^lists the story itself: remove it$/, 'ссылается на сам материал: уберите эту ссылку'],
  [/^is before date: an update comes after publication$/, 'раньше даты публикации (date): обновление бывает только после публикации'],
  [/^is missing: the content root (.*) needs a news\/ folder with one folder per story$/, 'отсутствует: в корне материалов $1 нужна папка news/ с папкой для каждого материала'],
  [/^"(.*)" is not a story: use the folder name of an existing story under news\/$/, '"$1" — нет такого материала: укажите имя папки существующего материала в news/'],
  [/^has no front matter: start the file with a line "---", the fields \(title, date, section\), then "---"$/, 'нет заголовочного блока: начните файл строкой "---", затем поля (title, date, section), затем "---"'],
  [/^unknown fields? (.*): check the spelling \(see docs\/editing\.md for the fields\)$/, 'неизвестное поле $1: проверьте написание (список полей — в docs/editing.md)'],
  [/^must be a date and time with offset, like (.*)$/, 'должно быть датой и временем со смещением, например $1'],
  [/^is not a real calendar date$/, 'такой даты не существует'],
  [/^must be text$/, 'должно быть текстом'],
  [/^must not be empty$/, 'не должно быть пустым'],
  [/^must be a web address$/, 'должно быть веб-адресом'],
  [/^must be a full web address, like (.*)$/, 'должно быть полным веб-адресом, например $1'],
  [/^must start with https:\/\/ or http:\/\/$/, 'должно начинаться с https:// или http://'],
  [/^must be a file name in the story folder, like (.*)$/, 'должно быть именем файла в папке материала, например $1'],
  [/^must be at most (\d+) characters$/, 'должно быть не длиннее $1 символов'],
  [/^must list at most (\d+) tags$/, 'не больше $1 тегов'],
  [/^must list at most (\d+) stories$/, 'не больше $1 материалов'],
  [/^must be true or a whole number from 1 \(1 is shown first\)$/, 'должно быть true или целым числом от 1 (1 показывается первым)'],
  [/^must be true or false$/, 'должно быть true или false'],
  [/^must be a list, like (.*)$/, 'должно быть списком, например $1'],
  [/^must be lowercase ASCII letters, digits and single hyphens, like (.*)$/, 'должно состоять из латинских строчных букв, цифр и одиночных дефисов, например $1'],
  [/^must be a group of fields (.*)$/, 'должно быть группой полей $1'],
];

/** The Russian text of a problem message, or undefined when no rule knows it. */
export function problemMessageRu(message: string): string | undefined {
  for (const [pattern, replacement] of RULES) if (pattern.test(message)) return message.replace(pattern, replacement);
  return undefined;
}
