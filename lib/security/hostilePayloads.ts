/**
 * Classic XSS and injection payloads, for tests that push them through every output format.
 * Each one has beaten some real sanitizer, parser or serializer at some time.
 */
export const HOSTILE_PAYLOADS = [
  '<script>alert(1)</script>',
  '</script><script>alert(2)</script>',
  '<img src=x onerror=alert(3)>',
  '<a href="javascript:alert(4)">link</a>',
  '<a href="JaVaScRiPt:alert(5)">link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==">link</a>',
  '<svg><script>alert(7)</script></svg>',
  '<svg onload=alert(8)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>',
  '<iframe src="javascript:alert(10)"></iframe>',
  '<details open ontoggle=alert(11)>',
  '" onmouseover="alert(12)" x="',
  "' onfocus='alert(13)' autofocus x='",
  '<style>@import "javascript:alert(14)";</style>',
  ']]> ]]> <![CDATA[ ]]>',
  '--> <!-- -->',
  '&lt;script&gt;alert(15)&lt;/script&gt;',
  'line\u2028separator\u2029paragraph',
] as const;

/** Markdown forms of the same tricks: links and images with dangerous URLs. */
export const HOSTILE_MARKDOWN = [
  '[md link](javascript:alert(20))',
  '[md link 2](JAVASCRIPT:alert(21))',
  '[md data](data:text/html,<script>alert(22)</script>)',
  '[md vbscript](vbscript:msgbox(23))',
  '[md entity](java&#x09;script:alert(24))',
  '![md image](javascript:alert(25))',
  '<javascript:alert(26)>',
] as const;
