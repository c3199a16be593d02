/** The review panel's heading id: the focus target after a state change that removes the pressed button. */
export const REVIEW_PANEL_TITLE = 'review-panel-title';
