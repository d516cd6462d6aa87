using QRCoder;

namespace Motcua.Common.Documents;

internal static class QrCodeImage
{
    /// <summary>Side of the printed QR code: 22 mm scans from a phone at arm's length on A4.</summary>
    public const double SideMillimetres = 22;

    /// <summary>
    /// A black-on-white PNG with the quiet zone. Level M survives a fold or a stamp across a corner; the
    /// 8 pixels a module keep the printed edges sharp at the size above.
    /// </summary>
    public static byte[] Png(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
