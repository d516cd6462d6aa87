using System.Globalization;

namespace Motcua.Calendar;

internal readonly record struct OfficeSession(TimeOnly Start, TimeOnly End)
{
    public int Minutes => (int)(End - Start).TotalMinutes;
}

/// <summary>The office sessions of a working day, e.g. 07:30–11:30 and 13:30–17:00.</summary>
internal sealed record OfficeHours
{
    public static readonly OfficeHours Default = new([new(new TimeOnly(7, 30), new TimeOnly(11, 30)), new(new TimeOnly(13, 30), new TimeOnly(17, 0))]);

    public OfficeHours(IReadOnlyList<OfficeSession> sessions)
    {
        if (sessions.Count == 0)
        {
            throw new ArgumentException("At least one session is required.", nameof(sessions));
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions[i].Start >= sessions[i].End || (i > 0 && sessions[i].Start < sessions[i - 1].End))
            {
                throw new ArgumentException("Sessions must be ordered, non-empty and non-overlapping.", nameof(sessions));
            }
        }

        Sessions = sessions;
        MinutesPerDay = sessions.Sum(s => s.Minutes);
    }

    public IReadOnlyList<OfficeSession> Sessions { get; }

    public int MinutesPerDay { get; }

    public static bool TryParse(string? text, out OfficeHours? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var sessions = new List<OfficeSession>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2
                || !TimeOnly.TryParseExact(bounds[0], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(bounds[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                return false;
            }

            sessions.Add(new OfficeSession(start, end));
        }

        try
        {
            hours = new OfficeHours(sessions);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public override string ToString() =>
        string.Join(",", Sessions.Select(s => $"{s.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{s.End.ToString("HH:mm", CultureInfo.InvariantCulture)}"));
}
