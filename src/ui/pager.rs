//! Draws the Q&A pager: the items list, the visible transcript rows, the scrollbar and the
//! search prompt, from [`crate::app::pager::Pager`]'s state.
//!
//! Entry point (arrives with the theme): `draw(buf: &mut Buffer, area: Rect, pager: &Pager,
//! ctx: &PagerContext, theme: &Theme)`, `area` being the same body area given to
//! `Pager::resize`.
