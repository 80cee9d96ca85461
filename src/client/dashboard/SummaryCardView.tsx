import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatFen } from '../../domain/money';
import type { SummaryCard } from '../providers/dataProvider';

/** One number with its title; links to the list pre-filtered when the card names one. */
export const SummaryCardView = ({ card }: { card: SummaryCard }) => {
  const translate = useTranslate();
  const to = card.resource
    ? `/${card.resource}${card.filter ? `?filter=${encodeURIComponent(JSON.stringify(card.filter))}` : ''}`
    : undefined;
  const body = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {translate(`app.dashboard.cards.${card.key}`)}
      </Typography>
      <Typography variant="h4" component="p" data-testid={`card-${card.key}`}>
        {card.format === 'fen' ? formatFen(card.value) : card.value.toLocaleString('zh-CN')}
      </Typography>
    </CardContent>
  );
  return (
    <Card variant="outlined">
      {to ? (
        <CardActionArea component={Link} to={to}>
          {body}
        </CardActionArea>
      ) : (
        body
      )}
    </Card>
  );
};
