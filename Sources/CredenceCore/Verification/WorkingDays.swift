/// Counting working days for `estimatedCompletionOn`: Monday to Friday. Public holidays
/// are not counted out (no calendar is shipped), so an estimate over a holiday is early by
/// the holiday's length — the page says "estimated".
public enum WorkingDays {
    public static func adding(_ days: Int, to date: CalendarDate) -> CalendarDate {
        var current = date
        var remaining = max(0, days)
        while remaining > 0 {
            current = current.addingDays(1)
            if !current.isWeekend { remaining -= 1 }
        }
        return current
    }
}
