using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Motcua.Notifications;
using Motcua.Notifications.Sending;

namespace Motcua.IntegrationTests;

/// <summary>The e-mail sender against a tiny SMTP server in the test: what arrives is what was queued, in Vietnamese.</summary>
public sealed partial class SmtpNotificationTests
{
    [Fact]
    public async Task An_e_mail_arrives_with_its_recipient_subject_and_vietnamese_body()
    {
        await using var server = TinySmtpServer.Start();
        var sender = new SmtpEmailSender(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            EnableSsl = false,
            From = "\"UBND xã Kim Sơn\" <motcua@kimson.gialai.gov.vn>",
            TimeoutSeconds = 10,
        });
        const string Subject = "Hồ sơ K1-260303-0007 đã có kết quả";
        const string Body = "Kính gửi ông Trần Văn Bình,\nhồ sơ đăng ký khai sinh của ông đã có kết quả. Mời ông đến Bộ phận Một cửa để nhận.\n.dòng bắt đầu bằng dấu chấm";
        var message = new OutgoingMessage(Guid.NewGuid(), "email", "tran.binh@example.vn", Subject, Body, "K1-260303-0007");

        var note = await sender.SendAsync(message, CancellationToken.None);
        var mail = await server.Received.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(note);
        Assert.Equal("motcua@kimson.gialai.gov.vn", mail.From);
        Assert.Equal(["tran.binh@example.vn"], mail.Recipients);
        Assert.Equal(Subject, mail.Subject);
        Assert.Equal(Body.ReplaceLineEndings("\r\n"), mail.Body);
        Assert.Equal("K1-260303-0007", mail.Headers["X-Motcua-Reference"]);
        Assert.Equal($"<{message.Id:N}@kimson.gialai.gov.vn>", mail.Headers["Message-ID"]);
    }

    private sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, Dictionary<string, string> Headers, string Subject, string Body);

    /// <summary>Speaks just enough SMTP for one message: 220, EHLO/HELO, MAIL, RCPT, DATA … ".", QUIT.</summary>
    private sealed class TinySmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;

        private TinySmtpServer()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Received = ServeOneAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<ReceivedMail> Received { get; }

        public static TinySmtpServer Start() => new();

        public ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<ReceivedMail> ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test.invalid ESMTP");
            string? from = null;
            var recipients = new List<string>();
            var data = new StringBuilder();
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 test.invalid");
                        break;
                    case "MAIL":
                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            // Dot-stuffing: a line starting with "." was sent as "..".
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return Parse(from, recipients, data.ToString());
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }

            return Parse(from, recipients, data.ToString());
        }

        private static string Address(string line) => line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];

        private static ReceivedMail Parse(string? from, List<string> recipients, string data)
        {
            var split = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var unfolded = Regex.Replace(data[..split], "\r\n[ \t]+", " ");
            var headers = unfolded.Split("\r\n")
                .Select(h => h.Split(':', 2))
                .ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var body = data[(split + 4)..].TrimEnd('\r', '\n');
            Assert.Equal("base64", headers["Content-Transfer-Encoding"], ignoreCase: true);
            Assert.Contains("charset=utf-8", headers["Content-Type"], StringComparison.OrdinalIgnoreCase);
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", string.Empty, StringComparison.Ordinal)));
            return new ReceivedMail(from ?? string.Empty, recipients, headers, DecodeWords(headers["Subject"]), decoded);
        }

        /// <summary>RFC 2047 encoded words (<c>=?utf-8?B?…?=</c>), as SmtpClient writes non-ASCII subjects.</summary>
        private static string DecodeWords(string header)
        {
            var joined = Regex.Replace(header, @"\?=\s+=\?", "?==?");
            return EncodedWord().Replace(joined, m =>
            {
                var text = m.Groups["text"].Value;
                var bytes = m.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                    ? Convert.FromBase64String(text)
                    : QuotedPrintable(text.Replace('_', ' '));
                return Encoding.GetEncoding(m.Groups["charset"].Value).GetString(bytes);
            });
        }

        private static byte[] QuotedPrintable(string text)
        {
            var bytes = new List<byte>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '=' && i + 2 < text.Length)
                {
                    bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.Add((byte)text[i]);
                }
            }

            return [.. bytes];
        }
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
