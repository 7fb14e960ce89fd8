/* jy-trend-chart-private.h
 *
 * Copyright 2026 Jiayi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "jy-trend-chart.h"

G_BEGIN_DECLS

/* Shared by the jy-trend-chart*.c files: the widget and its data (.c),
 * what it says (-text.c), where things go (-layout.c), how they look
 * (-draw.c). The functions at the end are also for tests. */

#define JY_TREND_MARKER_RADIUS   3.5   /* hollow: on target */
#define JY_TREND_OFF_RADIUS      4.5   /* filled: off target */
#define JY_TREND_LINE_WIDTH      2.0
#define JY_TREND_PLOT_INSET      (JY_TREND_OFF_RADIUS + 3.0)
#define JY_TREND_LEGEND_SAMPLE   20.0
#define JY_TREND_LEGEND_GAP      14.0
#define JY_TREND_TICK_LENGTH     4.0
/* How close (px, horizontally) the pointer must be to a visit for its tooltip. */
#define JY_TREND_HOVER_DISTANCE  12.0

typedef struct
{
  guint32 day;
  double  value;   /* NAN: not measured at that visit */
} JyTrendPoint;

typedef struct
{
  char         *name;
  JyTrendStyle  style;
  double        low;      /* target band, both limits off target */
  double        high;
  GArray       *points;   /* JyTrendPoint by day; same day in the order added */
} JyTrendSeries;

typedef enum
{
  JY_TREND_MARK_TICK,
  JY_TREND_MARK_TARGET,
  JY_TREND_MARK_REFERENCE,
} JyTrendMarkKind;

typedef struct
{
  double           value;
  double           y;
  JyTrendMarkKind  kind;
  guint            series;   /* for JY_TREND_MARK_TARGET */
  PangoLayout     *layout;   /* NULL: gridline only; else borrowed from the layout cache */
} JyTrendValueMark;

typedef struct
{
  double       x;
  PangoLayout *layout;       /* NULL: tick only */
  double       label_x;
} JyTrendDateMark;

typedef struct
{
  guint        series;       /* G_MAXUINT: the off-target entry */
  double       x;            /* the sample's left edge */
  double       label_x;
  PangoLayout *layout;
} JyTrendLegendItem;

typedef struct
{
  guint        series;
  gboolean     off_target;
  double       x;
  double       y;            /* the label's top left */
  PangoLayout *layout;
} JyTrendLastLabel;

/* Everything snapshot() and the tooltip need for one size and one set of
 * data; rebuilt when either changes, or the font does. */
typedef struct
{
  gboolean         valid;
  int              width;
  int              height;
  guint            font_serial;

  PangoLayout     *title;
  PangoLayout     *unit;
  double           unit_x;
  double           unit_y;
  double           legend_y;    /* centre line of the legend row */
  GArray          *legend;      /* JyTrendLegendItem */

  gboolean         empty;
  PangoLayout     *empty_text;
  double           empty_x;
  double           empty_y;

  guint32          first_day;
  guint32          last_day;
  double           value_low;
  double           value_high;
  graphene_rect_t  plot;        /* gridlines span it; first_day and last_day sit inset */
  double           x_first;
  double           x_last;
  GArray          *value_marks; /* JyTrendValueMark */
  GArray          *date_marks;  /* JyTrendDateMark */
  GArray          *last_labels; /* JyTrendLastLabel */
} JyTrendGeometry;

struct _JyTrendChart
{
  GtkWidget        parent_instance;

  char            *title;
  char            *unit;
  char            *empty_text;
  guint            digits;
  GPtrArray       *series;      /* JyTrendSeries */
  GArray          *references;  /* double */
  guint32          range_first; /* 0: automatic */
  guint32          range_last;

  guint32          hover_day;   /* 0: none */
  guint            summary_source;

  GHashTable      *layouts;     /* font letter + text -> PangoLayout */
  JyTrendGeometry  geometry;
};

static inline JyTrendSeries *
jy_trend_chart_get_series (JyTrendChart *self,
                           guint         index)
{
  return g_ptr_array_index (self->series, index);
}

/* jy-trend-chart.c */
gboolean               jy_trend_series_on_target          (const JyTrendSeries   *series,
                                                           double                 value);
gboolean               jy_trend_chart_compute_days        (JyTrendChart          *self,
                                                           guint32               *first_day,
                                                           guint32               *last_day);

/* jy-trend-chart-text.c */
char                  *jy_trend_chart_format_value        (JyTrendChart          *self,
                                                           double                 value);
const char            *jy_trend_chart_empty_message       (JyTrendChart          *self);
void                   jy_trend_format_day                (guint32                julian_day,
                                                           char                   buf[16]);

/* jy-trend-chart-layout.c */
/* @font: 'b' body text, 't' title, 's' small, 'v' small bold (values), 'e' empty state */
PangoLayout           *jy_trend_chart_get_layout          (JyTrendChart          *self,
                                                           char                   font,
                                                           const char            *text);
int                    jy_trend_layout_width              (PangoLayout           *layout);
int                    jy_trend_layout_height             (PangoLayout           *layout);
const JyTrendGeometry *jy_trend_chart_ensure_geometry     (JyTrendChart          *self);
void                   jy_trend_geometry_clear            (JyTrendGeometry       *geometry);
double                 jy_trend_geometry_x                (const JyTrendGeometry *g,
                                                           double                 day);
double                 jy_trend_geometry_y                (const JyTrendGeometry *g,
                                                           double                 value);
gboolean               jy_trend_geometry_shows_day        (const JyTrendGeometry *g,
                                                           guint32                day);
gboolean               jy_trend_geometry_shows_series     (const JyTrendGeometry *g,
                                                           const JyTrendSeries   *series);
/* The visit nearest the pointer, horizontally, within JY_TREND_HOVER_DISTANCE; or 0. */
guint32                jy_trend_chart_day_at              (JyTrendChart          *self,
                                                           double                 x,
                                                           double                 y);

/* jy-trend-chart-draw.c */
void                   jy_trend_chart_snapshot            (GtkWidget             *widget,
                                                           GtkSnapshot           *snapshot);
void                   jy_trend_chart_get_marker_color    (JyTrendChart          *self,
                                                           guint                  series,
                                                           gboolean               off_target,
                                                           GdkRGBA               *color);

/* For tests, in widget coordinates at the current size. */
double                 jy_trend_chart_x_for_day           (JyTrendChart          *self,
                                                           guint32                julian_day);
double                 jy_trend_chart_y_for_value         (JyTrendChart          *self,
                                                           double                 value);
gboolean               jy_trend_chart_get_plot_area       (JyTrendChart          *self,
                                                           graphene_rect_t       *area);
void                   jy_trend_chart_get_value_range     (JyTrendChart          *self,
                                                           double                *low,
                                                           double                *high);
/* The tooltip for the pointer at (x, y), or NULL when no visit is near. */
char                  *jy_trend_chart_dup_tooltip_at      (JyTrendChart          *self,
                                                           double                 x,
                                                           double                 y);
/* What the accessible description says. */
char                  *jy_trend_chart_dup_summary         (JyTrendChart          *self);

G_END_DECLS
