"""Reading and writing files people bring: CSV, XLSX, JSON, USPTO XML, iCalendar."""
