using System.Text;

namespace Motcua.Common.Input;

/// <summary>
/// The rules every text typed into Motcua passes before anything reads it: no control characters
/// (PostgreSQL refuses NUL in text, and the others hide content from officers and logs), no broken
/// UTF-16 (it cannot be stored as UTF-8), and Unicode NFC, so "Nguyễn" typed with combining marks
/// (NFD, as macOS and some Vietnamese keyboards send it) is the same text as the precomposed one.
/// </summary>
internal static class TextInput
{
    /// <summary>The ceiling for a text that declares no maximum of its own (a list item, a query value).</summary>
    public const int DefaultMaxLength = 4000;

    /// <summary>The ceiling for a query or route value that declares no maximum (codes, names, search words).</summary>
    public const int DefaultQueryMaxLength = 256;

    /// <summary>Returns <paramref name="text"/> in Unicode normalisation form C.</summary>
    public static string Normalise(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The position of the first character that is not allowed, or -1. Tab, carriage return and line
    /// feed are allowed only in <paramref name="multiLine"/> text (a note, a reason, a report): the
    /// forms' text areas send them.
    /// </summary>
    public static int FindForbidden(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return i;
            }

            if (char.IsControl(c) && !(multiLine && c is '\t' or '\r' or '\n'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Checks and normalises one text.</summary>
    public static TextCheck Check(string text, int maxLength, bool multiLine)
    {
        if (FindForbidden(text, multiLine) >= 0)
        {
            return new TextCheck(null, InputRefusal.ControlCharacter, maxLength);
        }

        var normalised = Normalise(text);
        return normalised.Length > maxLength
            ? new TextCheck(null, InputRefusal.TooLong, maxLength)
            : new TextCheck(normalised, null, maxLength);
    }
}

/// <summary>The outcome of <see cref="TextInput.Check"/>: the normalised text, or why it was refused.</summary>
internal sealed record TextCheck(string? Value, InputRefusal? Refusal, int MaxLength);

/// <summary>Why an input was refused before any handler saw it.</summary>
internal enum InputRefusal
{
    ControlCharacter,
    TooLong,
    InvalidValue,
    Duplicate,
    MalformedJson,
}
