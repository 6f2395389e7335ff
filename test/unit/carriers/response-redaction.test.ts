import { redactSecrets } from '../../../carriers/response-redaction.js';

describe('redactSecrets', () => {
  it.each([
    ['a JSON string value', '{"access_token": "MARKER-1", "expires_in": 3600}', '{"access_token": "[redacted]", "expires_in": 3600}'],
    ['a JSON number value', '{"apiKey":12345678,"ok":true}', '{"apiKey":"[redacted]","ok":true}'],
    ['a JSON object value, nested brackets and all', '{"authorization":{"scheme":"Bearer","value":"MARKER-2 {["}, "n":1}', '{"authorization":"[redacted]", "n":1}'],
    ['a JSON array value', '{"client_secret":["MARKER-3","MARKER-4"],"n":2}', '{"client_secret":"[redacted]","n":2}'],
    ['escaped quotes inside a secret value', '{"password":"MARK\\"ER-5","n":3}', '{"password":"[redacted]","n":3}'],
    ['Turkish field names', '{"Şifre":"MARKER-6","ŞİFRE":"MARKER-7","sifre":"MARKER-8"}', '{"Şifre":"[redacted]","ŞİFRE":"[redacted]","sifre":"[redacted]"}'],
    ['key spellings', '{"api_key":"M","x-api-key":"M","API-KEY":"M","jwt":"M","wsPassword":"M","passwd":"M","clientId":"M"}', '{"api_key":"[redacted]","x-api-key":"[redacted]","API-KEY":"[redacted]","jwt":"[redacted]","wsPassword":"[redacted]","passwd":"[redacted]","clientId":"[redacted]"}'],
    ['JSON inside a JSON string (ASMX)', '"{\\"Sifre\\":\\"MARKER-9\\",\\"Durum\\":\\"OK\\"}"', '"{\\"Sifre\\":\\"[redacted]\\",\\"Durum\\":\\"OK\\"}"'],
    ['a JSON body cut inside the secret', '{"n":1,"refresh_token":"MARKER-10-and-then-noth', '{"n":1,"refresh_token":"[redacted]"'],
    ['an XML element', '<Body><Token>MARKER-11</Token><Status>OK</Status></Body>', '<Body><Token>[redacted]</Token><Status>OK</Status></Body>'],
    ['a prefixed XML element with attributes and children', '<a:Authorization type="basic"><a:User>MARKER-12</a:User></a:Authorization><a:N>1</a:N>', '<a:Authorization type="basic">[redacted]</a:Authorization><a:N>1</a:N>'],
    ['an XML body cut inside the secret', '<r><wsPassword>MARKER-13 and then noth', '<r><wsPassword>[redacted]'],
    ['an XML attribute', '<Login user="u" password="MARKER-14" />', '<Login user="u" password="[redacted]" />'],
    ['a form-encoded token answer', 'access_token=MARKER-15&token_type=bearer&expires_in=3600', 'access_token=[redacted]&token_type=[redacted]&expires_in=3600'],
    ['a header echoed in an error page', 'Bad request\nAuthorization: Basic MARKER-16\nHost: x', 'Bad request\nAuthorization: [redacted]\nHost: x'],
    ['a secret in a URL inside a body', '{"next":"https://x.test/p?api_key=MARKER-17&page=2"}', '{"next":"https://x.test/p?api_key=[redacted]&page=2"}'],
  ])('blanks %s', (_case, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
    expect(redactSecrets(expected)).toBe(expected);
  });

  it.each([
    ['an answer naming no secret', '{ "shipments": [ { "id": "AB1", "events": [] } ] }\n'],
    ['secret words used as values or text', '{"error":"invalid_token","message":"the token expired"}<Msg>Token expired</Msg>'],
    ['an empty self-closing secret element', '<r><Token/><N>1</N></r>'],
    ['garbage', '\u0000\u0001<<<{{{"'],
  ])('leaves %s byte for byte', (_case, input) => {
    expect(redactSecrets(input)).toBe(input);
  });
});
